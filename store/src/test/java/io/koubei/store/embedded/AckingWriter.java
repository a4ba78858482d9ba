package io.koubei.store.embedded;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.store.FeedbackFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for the crash test: upserts numbered batches into the index given as argument and prints
 * {@code acked N} after batch N is acknowledged, until it is killed (or a bounded number of batches is done).
 */
public final class AckingWriter {
    static final int BATCH_SIZE = 20;
    static final int MAX_BATCHES = 5_000;

    public static void main(String[] args) {
        LuceneFeedbackStore store = new LuceneFeedbackStore(Path.of(args[0]));
        for (int n = 0; n < MAX_BATCHES; n++) {
            store.upsert(batch(n));
            System.out.println("acked " + n);
            System.out.flush();
        }
        store.close();
    }

    static List<AnalyzedFeedback> batch(int n) {
        List<AnalyzedFeedback> out = new ArrayList<>(BATCH_SIZE);
        for (int j = 0; j < BATCH_SIZE; j++) {
            out.add(FeedbackFixtures.item(String.format("k-%05d-%02d", n, j)).tokens("批次" + n).build());
        }
        return out;
    }
}
