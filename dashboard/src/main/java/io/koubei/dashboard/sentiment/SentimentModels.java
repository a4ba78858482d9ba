package io.koubei.dashboard.sentiment;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.model.CorpusAdaptation;
import io.koubei.analysis.model.LabelledText;
import io.koubei.analysis.model.LinearSentimentModel;
import io.koubei.analysis.model.SelfTraining;
import io.koubei.analysis.model.SentimentModelStore;
import io.koubei.analysis.model.SentimentTraining;
import io.koubei.analysis.model.TrainingOptions;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.platform.ReloadableAnalyzer;
import io.koubei.dashboard.settings.Reanalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The platform's sentiment models: which one is active, the versions kept in the data directory, and self-training
 * from the platform's own feedback (rated texts teach, all texts adapt; see {@link SentimentTraining#selfTrain}).
 * A new or re-activated model is used for new items at once, and stored items are re-analysed in the background.
 */
@Service
public class SentimentModels {
    private static final Logger log = LoggerFactory.getLogger(SentimentModels.class);
    /** Version name that means "no trained model, the built-in rules alone". */
    public static final String BUILT_IN = "builtin";

    private final FeedbackStore store;
    private final ReloadableAnalyzer analyzer;
    private final Reanalysis reanalysis;
    private final SentimentModelStore models;
    private final SentimentProperties props;
    private final AtomicBoolean training = new AtomicBoolean();
    private volatile Map<String, Object> lastRun;

    public SentimentModels(FeedbackStore store, ReloadableAnalyzer analyzer, Reanalysis reanalysis, KoubeiProperties koubei,
            SentimentProperties props) {
        this.store = store;
        this.analyzer = analyzer;
        this.reanalysis = reanalysis;
        this.models = new SentimentModelStore(koubei.getDataDir());
        this.props = props;
    }

    /** Active model, every stored version (newest first), whether training runs, and how the last run ended. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("analyzer", analyzer.version());
        try {
            String active = models.activeVersion().orElse(null);
            out.put("active", active == null ? BUILT_IN : active);
            List<Map<String, Object>> versions = new ArrayList<>();
            List<LinearSentimentModel.Info> infos = new ArrayList<>(models.infos());
            java.util.Collections.reverse(infos);
            for (LinearSentimentModel.Info i : infos) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("version", i.version());
                v.put("createdAt", i.createdAt().toString());
                v.put("trainedOn", i.trainedOn());
                v.put("examples", i.examples());
                v.put("active", i.version().equals(active));
                versions.add(v);
            }
            out.put("models", versions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put("training", training.get());
        out.put("selfTrainingCron", props.getSelfTrainingCron());
        out.put("lastRun", lastRun);
        return out;
    }

    /** Starts self-training in the background; false when a run is already going. */
    public boolean trainInBackground() {
        if (!training.compareAndSet(false, true)) {
            return false;
        }
        Thread t = new Thread(() -> {
            try {
                train();
            } catch (RuntimeException e) {
                log.warn("Sentiment self-training did not produce a model: {}", e.getMessage());
            } finally {
                training.set(false);
            }
        }, "sentiment-self-training");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /**
     * Self-trains now: reads the newest rated and unrated texts from the store, trains, saves, activates.
     *
     * @throws IllegalArgumentException when there is not enough feedback to learn from (recorded as the last run)
     */
    public LinearSentimentModel.Info train() {
        Instant started = Instant.now();
        ArrayDeque<LabelledText> rated = new ArrayDeque<>();
        ArrayDeque<String> corpus = new ArrayDeque<>();
        store.scan(FeedbackFilter.ALL, f -> { // oldest first: the deques keep the newest
            FeedbackItem item = f.item();
            for (LabelledText l : SelfTraining.fromItems(List.of(item), false)) {
                rated.addLast(l);
                if (rated.size() > props.getMaxRated()) {
                    rated.removeFirst();
                }
            }
            corpus.addLast(SelfTraining.textOf(item));
            if (corpus.size() > props.getMaxCorpus()) {
                corpus.removeFirst();
            }
        });
        try {
            KoubeiAnalyzer current = analyzer.current();
            SentimentTraining.SelfTrained t = SentimentTraining.selfTrain(current, new ArrayList<>(rated), new ArrayList<>(corpus),
                    TrainingOptions.defaults(), CorpusAdaptation.Options.defaults());
            models.save(t.model(), true);
            analyzer.reload();
            lastRun = run(started, "trained", t.model().version(), t.model().info().trainedOn());
            log.info("Sentiment model {} trained and active: {}", t.model().version(), t.model().info().trainedOn());
            afterActivation();
            return t.model().info();
        } catch (IllegalArgumentException e) {
            lastRun = run(started, "not-trained", null, e.getMessage());
            throw e;
        } catch (IOException e) {
            lastRun = run(started, "failed", null, e.getMessage());
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a stored version the active one ({@value #BUILT_IN}: the built-in rules alone). */
    public void activate(String version) {
        try {
            if (BUILT_IN.equals(version)) {
                models.deactivate();
            } else {
                models.activate(version);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        analyzer.reload();
        log.info("Sentiment model {} active", version);
        afterActivation();
    }

    private void afterActivation() {
        if (props.isReanalyze()) {
            reanalysis.start();
        }
    }

    private static Map<String, Object> run(Instant started, String outcome, String version, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", started.toString());
        m.put("finishedAt", Instant.now().toString());
        m.put("outcome", outcome);
        m.put("version", version);
        m.put("detail", detail);
        return m;
    }
}
