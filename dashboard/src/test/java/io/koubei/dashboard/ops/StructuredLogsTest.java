package io.koubei.dashboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One setting turns the console into JSON lines (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs), with the application's own
 * properties on the classpath (nothing of ours overrides Boot's logging configuration).
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void ecsMakesEachLogLineAJsonObject(CapturedOutput output) {
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ignored = app.run("--logging.structured.format.console=ecs")) {
            LoggerFactory.getLogger(StructuredLogsTest.class).info("structured 口碑 line");
        } finally {
            // back to plain text for the tests that share this JVM: the logging system stays as the last run left it
            System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
            SpringApplication plain = new SpringApplication(Empty.class);
            plain.setWebApplicationType(WebApplicationType.NONE);
            plain.run().close();
        }
        List<String> mine = Arrays.stream(output.getOut().split("\n")).filter(l -> l.contains("structured 口碑 line")).toList();
        assertThat(mine).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(mine.get(0));
        assertThat(line.get("message").asString()).isEqualTo("structured 口碑 line");
        assertThat(line.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(line.has("@timestamp")).isTrue();
        assertThat(line.get("service").get("name").asString()).isEqualTo("koubei");
    }
}
