package io.koubei.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.store.FeedbackFixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The update actions an upsert and a verdict update send, without a cluster. */
class FeedbackDocumentsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyDocumentFieldIsEitherAnalysisOrVerdict() {
        // an upsert replaces exactly the analysis fields of a stored item: a field missing from the list would linger
        Map<String, Object> doc = FeedbackDocuments.toDocument(FeedbackFixtures.fullyPopulated("f-1"));
        Set<String> known = new HashSet<>(FeedbackIndexLayout.ANALYSIS_FIELDS);
        known.addAll(FeedbackIndexLayout.VERDICT_FIELDS);
        assertThat(known).containsAll(doc.keySet());
        assertThat(FeedbackIndexLayout.ANALYSIS_FIELDS).doesNotContainAnyElementsOf(FeedbackIndexLayout.VERDICT_FIELDS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUpsertReplacesAllButTheVerdictsAndCreatesWhole() {
        AnalyzedFeedback minimal = FeedbackFixtures.item("m-1").build();
        Map<String, Object> action = JSON.readValue(FeedbackDocuments.upsertAction(FeedbackDocuments.toDocument(minimal)), Map.class);
        Map<String, Object> doc = (Map<String, Object>) action.get("doc");
        assertThat(doc.keySet()).containsExactlyInAnyOrderElementsOf(FeedbackIndexLayout.ANALYSIS_FIELDS);
        assertThat(doc).containsEntry(FeedbackIndexLayout.PRODUCT, null).containsEntry(FeedbackIndexLayout.TOKENS, null);
        assertThat((Map<String, Object>) action.get("upsert")).containsEntry(FeedbackIndexLayout.ID, "m-1");
    }

    @Test
    void theStoredRecordCarriesNoVerdictsItsFieldsDo() {
        AnalyzedFeedback full = FeedbackFixtures.fullyPopulated("f-2");
        Map<String, Object> doc = FeedbackDocuments.toDocument(full);
        String json = (String) doc.get(FeedbackIndexLayout.DOC);
        assertThat(FeedbackDocuments.fromJson(json).analysis().verdicts()).isEqualTo(Verdicts.NONE);
        assertThat(FeedbackDocuments.fromSource(json, List.of("astroturf", "duplicate"), "core")).isEqualTo(full);
        assertThat(FeedbackDocuments.fromSource(json, null, null)).isEqualTo(full.withVerdicts(Verdicts.NONE));
        assertThat(new String(FeedbackDocuments.verdictsAction(new Verdicts(Set.of(), Segment.MASS)),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"doc\":{\"flags\":null,\"segment\":\"mass\"}}");
    }
}
