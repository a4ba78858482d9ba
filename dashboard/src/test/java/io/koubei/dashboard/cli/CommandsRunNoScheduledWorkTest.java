package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.dashboard.platform.state.ClusterLeader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command such as {@code koubei import} runs for minutes; when it crossed the hour it ran the hourly scan, which
 * judged the empty weeks after the imported history as silences (26 false SILENCE alerts in a scenario replay).
 * Only {@code serve} runs scheduled work.
 */
class CommandsRunNoScheduledWorkTest {
    @TempDir
    Path data;

    @Test
    void aCommandsContextNeverLeadsTheScheduledWork() {
        try (ConfigurableApplicationContext ctx = SpringLauncher.start(false, data, Map.of())) {
            ClusterLeader leader = ctx.getBean(ClusterLeader.class);
            AtomicInteger runs = new AtomicInteger();
            assertThat(leader.runIfLeader("hourly signals scan", runs::incrementAndGet)).isFalse();
            assertThat(leader.leads()).isFalse();
            assertThat(runs).hasValue(0);
        }
    }
}
