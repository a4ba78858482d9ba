package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 21 finding 9: a demo with a known password listens on loopback unless the operator says otherwise. */
class ServeCommandBindTest {

    private static ServeCommand parse(String... args) {
        ServeCommand c = new ServeCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void theDemoListensOnLoopbackUnlessTold() {
        assertThat(parse("--demo").properties(Map.of(), null)).containsEntry("server.address", "127.0.0.1");
        assertThat(parse("--demo", "--bind", "0.0.0.0").properties(Map.of(), null)).containsEntry("server.address", "0.0.0.0");
        assertThat(parse("--demo").properties(Map.of("SERVER_ADDRESS", "0.0.0.0"), null)).doesNotContainKey("server.address");
        assertThat(parse("--demo").properties(Map.of(), "10.0.0.5")).doesNotContainKey("server.address");
    }

    @Test
    void aRealDeploymentListensWhereItIsTold() {
        assertThat(parse().properties(Map.of(), null)).doesNotContainKey("server.address");
        assertThat(parse("--bind", "127.0.0.1").properties(Map.of(), null)).containsEntry("server.address", "127.0.0.1");
    }

    /** Issue 22 item 7: configuration.md says a command-line --property=value wins; serve said "Unknown option". */
    @Test
    void anyPropertyMayBeGivenAsAnOption() {
        assertThat(parse("--server.address=127.0.0.1").properties(Map.of(), null)).containsEntry("server.address", "127.0.0.1");
        assertThat(parse("--demo", "--server.address=0.0.0.0").properties(Map.of(), null))
                .as("an address given as a property is not overridden by the demo's loopback").containsEntry("server.address", "0.0.0.0");
        assertThat(parse("--koubei.signals.cron=", "--port", "9090").properties(Map.of(), null))
                .containsEntry("koubei.signals.cron", "").containsEntry("server.port", 9090);
        assertThat(new CommandLine(new ServeCommand()).execute("--no-such-thing")).isEqualTo(2);
    }
}
