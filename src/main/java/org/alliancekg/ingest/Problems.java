package org.alliancekg.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects problems so that a reader reports all of a file's mistakes at once.
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * problems.add(source.problem("quote", "not found in article body"));
 * problems.throwIfAny();
 * }</pre>
 */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    /** Adds one problem. */
    public void add(Problem p) {
        list.add(p);
    }

    /** Adds every problem of an exception. */
    public void addAll(InputException e) {
        list.addAll(e.problems());
    }

    /** Runs a step; if it throws {@link InputException}, keeps its problems and returns null. */
    public <T> T collect(Supplier<T> step) {
        try {
            return step.get();
        } catch (InputException e) {
            addAll(e);
            return null;
        }
    }

    /** Whether none was found. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Number found. */
    public int size() {
        return list.size();
    }

    /** A copy of the problems found. */
    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws an {@link InputException} with every problem, if any was found. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InputException(list);
        }
    }
}
