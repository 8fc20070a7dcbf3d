package org.alliancekg.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap of this JVM while work runs: the largest heap use seen (sampled every 20 ms, garbage included)
 * and the largest heap use right after a collection (the live data, which is what must fit under {@code -Xmx}).
 *
 * <pre>{@code
 * try (HeapWatch w = HeapWatch.start()) { work(); long live = w.peakAfterGcBytes(); }
 * }</pre>
 */
final class HeapWatch implements AutoCloseable {

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong gcCount = new AtomicLong();
    private final Thread sampler;
    private final NotificationListener listener;
    private volatile boolean running = true;

    private HeapWatch() {
        listener = (Notification n, Object handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long after = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (HEAP_POOLS.contains(e.getKey())) {
                    after += e.getValue().getUsed();
                }
            }
            gcCount.incrementAndGet();
            peakAfterGc.accumulateAndGet(after, Math::max);
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching. */
    static HeapWatch start() {
        return new HeapWatch();
    }

    private void sample() {
        peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }

    /** Largest heap use seen, garbage included. */
    long peakUsedBytes() {
        sample();
        return peakUsed.get();
    }

    /** Largest heap use right after a collection (0 if none ran). */
    long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    /** Collections seen. */
    long collections() {
        return gcCount.get();
    }

    /** The {@code -Xmx} bound of this JVM. */
    static long maxHeapBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                try {
                    e.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // not registered on this collector
                }
            }
        }
    }
}
