package io.koubei.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.FeedbackItem;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.format.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackRequestParserTest {

    private static final String ITEM = "{\"source\":\"zendesk\",\"channel\":\"ticket\",\"externalId\":\"%s\",\"createdAt\":1714529730000,\"text\":\"退款太慢\"}";
    private final FeedbackRequestParser parser = new FeedbackRequestParser();

    @Test
    void singlePrettyPrintedObjectIsOneItem() {
        List<ParseResult> r = parser.parse("""
                {
                  "source": "zendesk",
                  "channel": "ticket",
                  "externalId": "T-9",
                  "createdAt": "2024-05-01T10:00:00+08:00",
                  "text": "退款太慢",
                  "ticket": {"status": "open"}
                }
                """);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(1);
            assertThat(((ParseResult.Valid) x).item().id()).isEqualTo("zendesk:T-9");
        });
    }

    @Test
    void ndjsonGoodLinesLandAndBadLinesAreNamed() {
        String body = ITEM.formatted("1") + "\n\n" + ITEM.formatted("2").replace("\"ticket\"", "\"phone\"") + "\n{oops\n" + ITEM.formatted("4") + "\n";
        List<ParseResult> r = parser.parse(body);
        assertThat(r).filteredOn(ParseResult::valid).extracting(ParseResult::line).containsExactly(1L, 5L);
        assertThat(reasons(r)).containsExactly(
                "<request>:3: channel: unknown channel 'phone'; expected one of community, social, review, survey, ticket, sales, qc",
                "<request>:4: (json): malformed JSON: Unexpected character ('o' (code 111)): was expecting double-quote to start property name (column 2)");
    }

    @Test
    void arrayElementsAreReportedAtTheLineWhereTheyStart() {
        String body = "[\n" + ITEM.formatted("1") + ",\n" + ITEM.formatted("2").replace("退款太慢", "") + "\n]";
        List<ParseResult> r = parser.parse(body);
        assertThat(r).extracting(ParseResult::line).containsExactly(2L, 3L);
        assertThat(reasons(r)).containsExactly("<request>:3: text: empty (allowed only when a rating is given)");
    }

    @Test
    void invalidUtf8OnOneNdjsonLineRejectsOnlyThatLine() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((ITEM.formatted("1") + "\n").getBytes(StandardCharsets.UTF_8));
        body.write(ITEM.formatted("2").replace("退款太慢", "x").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xFF, '\n'});
        List<ParseResult> r = parser.parse(new ByteArrayInputStream(body.toByteArray()));
        assertThat(r.get(0).valid()).isTrue();
        assertThat(reasons(r)).singleElement().asString().startsWith("<request>:2: (encoding): invalid UTF-8 byte sequence");
    }

    @Test
    void brokenSingleObjectGivesOnePreciseError() {
        List<ParseResult> r = parser.parse("{\n  \"source\": \"weibo\",\n  \"text\": \"a\" \"b\"\n}");
        assertThat(reasons(r)).singleElement().asString().startsWith("<request>:3: (json): malformed JSON: Unexpected character");
    }

    @Test
    void oversizedBodyIsRefusedAsAWhole() {
        FeedbackRequestParser small = new FeedbackRequestParser(FormatOptions.standard(), 100);
        assertThatThrownBy(() -> small.parse(new ByteArrayInputStream(new byte[101])))
                .isInstanceOf(FeedbackRequestParser.BodyTooLargeException.class).hasMessageContaining("exceeds 100 bytes");
        FeedbackItem ok = ((ParseResult.Valid) small.parse(ITEM.formatted("1").replace("退款太慢", "x")).get(0)).item();
        assertThat(ok.text()).isEqualTo("x");
    }

    static List<String> reasons(List<ParseResult> results) {
        return results.stream().filter(x -> !x.valid()).flatMap(x -> ((ParseResult.Invalid) x).rejections().stream())
                .map(Rejection::toString).toList();
    }
}
