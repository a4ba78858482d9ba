package io.koubei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/demo-data.md is what detectors' authors read: it must name every scenario with its weeks, channel and source. */
class DemoDocsTest {

    @Test
    void docsListEveryScenarioWithItsWeeksAndSource() throws Exception {
        Path doc = Path.of("..", "docs", "demo-data.md");
        assertThat(doc).exists();
        String text = Files.readString(doc);
        for (DemoScenario s : DemoScenarios.of(DemoOptions.defaults())) {
            String row = text.lines().filter(l -> l.startsWith("| `" + s.type().name() + "`")).findFirst().orElse("");
            assertThat(row).as(s.type().name()).contains(s.weekKey(), s.channel().wireName(), "`" + s.source() + "`");
            if (s.fromWeek() != s.toWeek()) {
                assertThat(row).contains(s.fromWeek() + "–" + s.toWeek(), s.toWeekKey().substring(5));
            }
            if (s.aspect() != null) {
                assertThat(row).contains("`" + s.aspect() + "`");
            }
        }
        for (DemoEvent e : DemoScenarios.events(DemoOptions.defaults())) {
            assertThat(text).as(e.name()).contains(e.name());
        }
    }
}
