package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 22 item 7: {@code demo --out /tmp/x.jsonl} also wrote demo-events.json into the working directory. */
class DemoCommandEventsTest {

    private static DemoCommand parse(String... args) {
        DemoCommand c = new DemoCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void theEventsFileGoesNextToTheOutputFile() {
        assertThat(parse("--out", "/tmp/koubei-demo.jsonl").eventsFile()).isEqualTo(Path.of("/tmp/koubei-demo-events.json"));
        assertThat(parse().eventsFile()).as("the defaults keep their names").isEqualTo(Path.of("demo-events.json"));
        assertThat(parse("--out", "/tmp/a.jsonl", "--events", "/var/e.json").eventsFile()).isEqualTo(Path.of("/var/e.json"));
    }
}
