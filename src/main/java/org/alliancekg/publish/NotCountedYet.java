package org.alliancekg.publish;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.serve.ProblemWriter;
import org.alliancekg.store.CachedStatistics;

/**
 * The answer of a description that states the dataset's counts (VoID, the service description) while the first
 * count of the served data is still running ({@link CachedStatistics}): 503 with a {@code Retry-After}, so that a
 * client asks again rather than caching a description without numbers.
 */
final class NotCountedYet {

    /** Seconds a client is asked to wait: counting takes minutes only on the largest datasets. */
    static final int RETRY_AFTER_SECONDS = 60;

    private NotCountedYet() {
    }

    static void answer(HttpServletResponse resp) throws IOException {
        resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        ProblemWriter.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "The dataset is being counted; its description will be ready shortly. Ask again in a minute.\n");
    }
}
