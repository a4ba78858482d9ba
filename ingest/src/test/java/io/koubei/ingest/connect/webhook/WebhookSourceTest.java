package io.koubei.ingest.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.RatingScale;
import io.koubei.ingest.connect.SourceConfig;
import io.koubei.ingest.connect.SourcesFile;
import io.koubei.ingest.format.ParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Typeform-shaped webhook mapped with mapping.yml paths into the JSON, and its HMAC signature. */
class WebhookSourceTest {
    static final String SECRET = "a-long-shared-secret-123";
    static final String TYPEFORM = """
            {"event_id":"01HX","event_type":"form_response",
             "form_response":{"form_id":"lT4Z3j","token":"a3a12ec67a1365927098a606107fac15",
               "submitted_at":"2026-12-05T10:15:30Z","landed_at":"2026-12-05T10:14:00Z",
               "definition":{"id":"lT4Z3j","title":"NPS"},
               "answers":[{"type":"number","number":9,"field":{"id":"nps","type":"opinion_scale"}},
                          {"type":"text","text":"续航很好，但是发热","field":{"id":"why","type":"long_text"}}],
               "hidden":{"user_id":"u-42"}}}
            """;

    @TempDir
    Path dir;

    private WebhookSource source() throws Exception {
        Files.writeString(dir.resolve("typeform.yml"), """
                columns:
                  externalId: form_response.token
                  createdAt: form_response.submitted_at
                  rating.value: form_response.answers.0.number
                  text: form_response.answers.1.text
                  author.id: form_response.hidden.user_id
                constants:
                  rating.scale: nps
                unmapped: ignore
                """);
        Files.writeString(dir.resolve("sources.yml"), """
                sources:
                  - name: typeform-nps
                    type: webhook
                    channel: survey
                    product: nova-x1
                    secret: ${HOOK_SECRET}
                    mapping: typeform.yml
                """);
        List<SourceConfig> sources = SourcesFile.load(dir.resolve("sources.yml"), Map.of("HOOK_SECRET", SECRET)::get);
        return new WebhookSource(sources.get(0));
    }

    @Test
    void mapsTheVendorsJsonWithPathsAndChecksTheSignature() throws Exception {
        WebhookSource hook = source();
        byte[] body = TYPEFORM.getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(WebhookSource.sign(SECRET.getBytes(StandardCharsets.UTF_8), body));

        assertThat(hook.signatureValid(body, signature)).isTrue();
        assertThat(hook.signatureValid(body, "sha256=" + signature.toUpperCase())).isTrue();
        assertThat(hook.signatureValid(body, null)).isFalse();
        assertThat(hook.signatureValid(body, signature.replace(signature.charAt(0), signature.charAt(0) == 'a' ? 'b' : 'a'))).isFalse();
        assertThat(hook.signatureValid((TYPEFORM + " ").getBytes(StandardCharsets.UTF_8), signature)).isFalse();

        List<ParseResult> results = hook.map(body);
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isInstanceOf(ParseResult.Valid.class);
        FeedbackItem item = ((ParseResult.Valid) results.get(0)).item();
        assertThat(item.id()).isEqualTo("typeform-nps:a3a12ec67a1365927098a606107fac15");
        assertThat(item.channel()).isEqualTo(Channel.SURVEY);
        assertThat(item.product()).isEqualTo("nova-x1");
        assertThat(item.rating().scale()).isEqualTo(RatingScale.NPS);
        assertThat(item.rating().value()).isEqualTo(9.0);
        assertThat(item.text()).isEqualTo("续航很好，但是发热");
        assertThat(item.createdAt()).isEqualTo(Instant.parse("2026-12-05T10:15:30Z"));
        assertThat(item.author().id()).isEqualTo("u-42");
        assertThat(item.extra()).isEmpty();
    }

    @Test
    void anUnansweredQuestionIsAbsentAndBrokenBodiesAreRejectedClearly() throws Exception {
        WebhookSource hook = source();
        String noText = TYPEFORM.replaceAll(",\\s*\\{\"type\":\"text\".*?\\}\\}", "");
        assertThat(noText).doesNotContain("续航");
        ParseResult r = hook.map(noText.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(r.valid()).isTrue(); // a rating without text is a valid item
        assertThat(((ParseResult.Valid) r).item().text()).isEmpty();

        ParseResult broken = hook.map("{not json".getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(((ParseResult.Invalid) broken).describe()).startsWith("typeform-nps:1: (json): the body is not JSON");
    }

    @Test
    void aWebhookSourceNeedsASecretAndAMapping() throws Exception {
        Files.writeString(dir.resolve("sources.yml"), """
                sources:
                  - name: hook
                    type: webhook
                    secret: short
                    mapping: typeform.yml
                """);
        assertThatThrownBy(() -> SourcesFile.load(dir.resolve("sources.yml"), n -> null))
                .hasMessageEndingWith("source 'hook': secret: use at least 16 characters (a random string shared with the sender)");
        Files.writeString(dir.resolve("sources.yml"), """
                sources:
                  - name: hook
                    type: webhook
                    secret: a-long-shared-secret-123
                    mapping: missing.yml
                """);
        assertThatThrownBy(() -> SourcesFile.load(dir.resolve("sources.yml"), n -> null))
                .hasMessageContaining("source 'hook': mapping: cannot read ").hasMessageEndingWith("missing.yml");
    }
}
