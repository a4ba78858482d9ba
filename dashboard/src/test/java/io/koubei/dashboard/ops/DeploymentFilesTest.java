package io.koubei.dashboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.dashboard.access.AccessProperties;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.platform.KoubeiProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml and deploy/helm/koubei/ read against the application's real configuration: every environment
 * variable they set is one the application reads (a placeholder in application.properties, a Spring Boot property,
 * or a binding of KoubeiProperties / AccessProperties / AlertProperties), ports and probe paths are the ones the
 * application serves, services depended on exist and have health checks, and no secret is written in the files.
 *
 * <p>What this does not do: run Docker Compose or Helm (neither is available here). Helm templates are checked by
 * their references ({@code .Values.…} must exist in values.yaml), the environment names and paths they contain, and a
 * crude render (template actions blanked) that must still parse as YAML with apiVersion and kind; real rendering is
 * {@code helm template deploy/helm/koubei} (docs/deploy.md).
 */
class DeploymentFilesTest {
    static final Path DEPLOY = Path.of("..", "deploy");
    static Properties application;
    static Set<String> placeholders;
    static Set<String> bootProperties;

    @BeforeAll
    static void readApplicationConfiguration() throws IOException {
        application = new Properties();
        try (InputStream in = DeploymentFilesTest.class.getResourceAsStream("/application.properties")) {
            application.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        placeholders = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(
                String.join("\n", application.values().stream().map(Object::toString).toList()));
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        bootProperties = new HashSet<>();
        Enumeration<URL> metadata = DeploymentFilesTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        Pattern name = Pattern.compile("\"name\"\\s*:\\s*\"([a-z0-9.\\-\\[\\]]+)\"");
        while (metadata.hasMoreElements()) {
            try (InputStream in = metadata.nextElement().openStream()) {
                Matcher n = name.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (n.find()) {
                    bootProperties.add(n.group(1).replace("-", ""));
                }
            }
        }
    }

    /** Why the application reads this variable, or null when it does not. */
    static String readBy(String env) {
        if (placeholders.contains(env)) {
            return "application.properties";
        }
        if (env.equals("JAVA_TOOL_OPTIONS")) {
            return "the JVM";
        }
        if (env.equals("SPRING_APPLICATION_JSON")) {
            return "Spring Boot (properties as JSON)";
        }
        String relaxed = env.toLowerCase(Locale.ROOT).replace('_', '.');
        if (bootProperties.contains(relaxed)) {
            return "Spring Boot";
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(env, "1"))));
        if (binds(binder, "koubei.security", AccessProperties.class) || binds(binder, "koubei.alerts", AlertProperties.class)
                || binds(binder, "koubei.auth", io.koubei.dashboard.access.sso.SsoProperties.class)
                || binds(binder, "koubei", KoubeiProperties.class)) {
            return "a configuration binding";
        }
        return null;
    }

    /** Whether the variable lands on a property of the class (a value it cannot convert still proves it does). */
    static boolean binds(Binder binder, String prefix, Class<?> type) {
        try {
            return binder.bind(prefix, Bindable.of(type)).isBound();
        } catch (org.springframework.boot.context.properties.bind.BindException e) {
            return true;
        }
    }

    @Test
    void theEnvironmentCheckItselfTellsRealNamesFromInventedOnes() {
        assertThat(readBy("KOUBEI_STORE")).isNotNull();
        assertThat(readBy("ES_URL")).isNotNull();
        assertThat(readBy("KOUBEI_SECURITY_USERS_0_PASSWORD")).isNotNull();
        assertThat(readBy("LOGGING_STRUCTURED_FORMAT_CONSOLE")).isNotNull();
        assertThat(readBy("KOUBEI_KAFKA_CONSUME")).isNotNull();
        assertThat(readBy("KOUBEI_ELASTICSEARCH_URLS")).isNull();
        assertThat(readBy("ELASTICSEARCH_URL")).isNull();
        assertThat(readBy("KOUBEI_STOER")).isNull();
    }

    // ---------------------------------------------------------------------------------------------------- compose

    @Test
    @SuppressWarnings("unchecked")
    void composeMatchesTheApplication() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
        assertThat(services).containsKeys("koubei", "koubei-1", "koubei-2", "elasticsearch", "kafka");
        String appPort = application.getProperty("server.port").replaceAll("\\$\\{PORT:(\\d+)}", "$1");

        List<String> koubeis = services.keySet().stream().filter(s -> s.startsWith("koubei")).toList();
        for (String name : koubeis) {
            Map<String, Object> s = services.get(name);
            Map<String, Object> env = (Map<String, Object>) s.get("environment");
            for (String var : env.keySet()) {
                assertThat(readBy(var)).as(name + ": " + var + " is read by nothing in the application").isNotNull();
            }
            assertThat(String.valueOf(env.get("PORT"))).isEqualTo(appPort);
            for (Object p : (List<Object>) s.get("ports")) {
                assertThat(p.toString()).as(name).endsWith(":" + appPort);
            }
            // the data directory is the mounted volume, and the volume is declared
            String mount = ((List<String>) s.get("volumes")).get(0);
            assertThat(mount.substring(mount.indexOf(':') + 1)).isEqualTo(env.get("KOUBEI_DATA_DIR"));
            assertThat(volumes).containsKey(mount.substring(0, mount.indexOf(':')));
            // health check: a class that exists, on a probe the application serves
            List<String> test = (List<String>) ((Map<String, Object>) s.get("healthcheck")).get("test");
            assertThat(test).contains(HealthCheck.class.getName(), "/actuator/health/readiness");
            // secrets come from the environment, never written here
            for (String secret : List.of("KOUBEI_SECURITY_USERS_0_PASSWORD", "KOUBEI_API_TOKENS", "KOUBEI_METRICS_TOKEN",
                    "KOUBEI_AUTH_OIDC_CLIENT_SECRET", "KOUBEI_AUTH_LDAP_MANAGER_PASSWORD",
                    "ES_PASSWORD")) {
                if (env.containsKey(secret)) {
                    assertThat(String.valueOf(env.get(secret))).as(name + " " + secret).startsWith("${");
                }
            }
        }
        assertThat(services.get("koubei").get("profiles")).as("the embedded default starts without a profile").isNull();
        assertThat(((Map<String, Object>) services.get("koubei").get("environment")).get("KOUBEI_STORE")).isEqualTo("embedded");

        Map<String, Object> kafkaEnv = (Map<String, Object>) services.get("kafka").get("environment");
        assertThat(String.valueOf(kafkaEnv.get("KAFKA_PROCESS_ROLES"))).as("KRaft, no ZooKeeper").contains("controller");
        for (String name : List.of("koubei-1", "koubei-2")) {
            Map<String, Object> s = services.get(name);
            assertThat((List<String>) s.get("profiles")).containsExactly("scaleout");
            Map<String, Object> env = (Map<String, Object>) s.get("environment");
            assertThat(env).containsEntry("KOUBEI_STORE", "elasticsearch").containsEntry("KOUBEI_BUS", "kafka");
            // the URLs name services of this file, on the ports those services listen on
            assertThat(env.get("ES_URL")).isEqualTo("http://elasticsearch:9200");
            assertThat(String.valueOf(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")))
                    .contains("//" + env.get("KAFKA_BOOTSTRAP_SERVERS"));
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) s.get("depends_on");
            for (String dep : List.of("elasticsearch", "kafka")) {
                assertThat(dependsOn.get(dep)).as(name + " waits for " + dep).containsEntry("condition", "service_healthy");
                assertThat(services.get(dep)).containsKey("healthcheck");
                assertThat((List<String>) services.get(dep).get("profiles")).containsExactly("scaleout");
            }
        }
        assertThat(((Map<String, Object>) services.get("koubei-2").get("depends_on"))).containsKey("koubei-1");
    }

    // ---------------------------------------------------------------------------------------------------- helm

    static final Path CHART = DEPLOY.resolve("helm/koubei");

    @Test
    @SuppressWarnings("unchecked")
    void helmValuesMatchTheApplication() throws IOException {
        Map<String, Object> chart = new Yaml().load(Files.readString(CHART.resolve("Chart.yaml")));
        assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "koubei");
        Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        String appPort = application.getProperty("server.port").replaceAll("\\$\\{PORT:(\\d+)}", "$1");
        assertThat(String.valueOf(values.get("port"))).isEqualTo(appPort);

        Map<String, Map<String, Object>> probes = (Map<String, Map<String, Object>>) values.get("probes");
        for (String group : List.of("liveness", "readiness")) {
            assertThat(probes.get(group).get("path")).isEqualTo("/actuator/health/" + group);
            assertThat(application.getProperty("management.endpoint.health.group." + group + ".include"))
                    .as("the application defines the " + group + " group").isNotBlank();
        }
        assertThat(application.getProperty("management.endpoint.health.group.readiness.include")).contains("store", "bus");
        assertThat(((Map<String, Object>) values.get("serviceMonitor")).get("path")).isEqualTo("/actuator/prometheus");
        assertThat(application.getProperty("management.endpoints.web.exposure.include")).contains("prometheus", "health");
        Map<String, Object> koubei = (Map<String, Object>) values.get("koubei");
        assertThat(koubei).containsEntry("store", "embedded").containsEntry("bus", "inprocess");
        assertThat(((Map<String, Object>) values.get("podSecurityContext")).get("runAsNonRoot")).isEqualTo(true);

        // the scale-out values only override keys the chart has, and choose the real backend names
        Map<String, Object> scaleOut = new Yaml().load(Files.readString(CHART.resolve("values-elasticsearch-kafka.yaml")));
        for (String path : leafPaths("", scaleOut)) {
            assertThat(lookup(values, path)).as("values-elasticsearch-kafka.yaml sets " + path + ", unknown to values.yaml")
                    .isNotNull();
        }
        assertThat((Map<String, Object>) scaleOut.get("koubei")).containsEntry("store", "elasticsearch").containsEntry("bus", "kafka");
    }

    @Test
    @SuppressWarnings("unchecked")
    void helmTemplatesReferToRealValuesAndRealSettings() throws IOException {
        Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        List<Path> templates;
        try (Stream<Path> s = Files.list(CHART.resolve("templates"))) {
            templates = s.sorted().toList();
        }
        assertThat(templates.stream().map(p -> p.getFileName().toString())).contains("statefulset.yaml",
                "deployment.yaml", "service.yaml", "ingress.yaml", "configmap.yaml", "servicemonitor.yaml", "_helpers.tpl");
        Pattern ref = Pattern.compile("\\.Values((?:\\.[A-Za-z0-9_]+)+)");
        Set<String> envNames = new TreeSet<>();
        Pattern envEntry = Pattern.compile("- name: ([A-Z][A-Z0-9_]+)\\s*$");
        Pattern configEntry = Pattern.compile("^  ([A-Z][A-Z0-9_]+):");
        for (Path t : templates) {
            String text = Files.readString(t);
            Matcher m = ref.matcher(text);
            while (m.find()) {
                assertThat(lookup(values, m.group(1).substring(1))).as(t.getFileName() + ": .Values" + m.group(1))
                        .isNotNull();
            }
            for (String line : text.split("\n")) {
                Matcher e = envEntry.matcher(line);
                if (e.find()) {
                    envNames.add(e.group(1));
                }
                Matcher c = configEntry.matcher(line);
                if (t.getFileName().toString().equals("configmap.yaml") && c.find()) {
                    envNames.add(c.group(1));
                }
            }
            if (t.getFileName().toString().endsWith(".yaml")) {
                Map<String, Object> skeleton = new Yaml().load(blankActions(text));
                assertThat(skeleton).as(t.getFileName() + " parses once template actions are blanked").isNotNull();
                assertThat(skeleton).containsKeys("apiVersion", "kind");
            }
        }
        assertThat(envNames).contains("KOUBEI_STORE", "KOUBEI_BUS", "ES_URL", "ES_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "KOUBEI_METRICS_TOKEN", "KOUBEI_SECURITY_USERS_0_PASSWORD", "PORT");
        for (String env : envNames) {
            assertThat(readBy(env)).as("the chart sets " + env + ", which the application does not read").isNotNull();
        }
        String helpers = Files.readString(CHART.resolve("templates/_helpers.tpl"));
        assertThat(helpers).contains("path: {{ .Values.probes.liveness.path }}", "path: {{ .Values.probes.readiness.path }}",
                "mountPath: /data");
        assertThat(Files.readString(CHART.resolve("templates/configmap.yaml"))).contains("KOUBEI_DATA_DIR: /data");
        assertThat(Files.readString(CHART.resolve("templates/statefulset.yaml"))).contains("volumeClaimTemplates", "fail");
        assertThat(Files.readString(CHART.resolve("templates/servicemonitor.yaml"))).contains("metricsTokenKey");
    }

    /** Template actions out: control lines dropped, inline expressions replaced by a scalar. Both branches stay. */
    static String blankActions(String template) {
        List<String> out = new ArrayList<>();
        for (String line : template.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("{{") && trimmed.endsWith("}}") && trimmed.indexOf("{{", 2) < 0) {
                continue;
            }
            out.add(line.replaceAll("\\{\\{.*?}}", "x"));
        }
        return String.join("\n", out);
    }

    @SuppressWarnings("unchecked")
    static List<String> leafPaths(String prefix, Map<String, Object> map) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                paths.addAll(leafPaths(p, (Map<String, Object>) child));
            } else {
                paths.add(p);
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    static Object lookup(Map<String, Object> values, String path) {
        Object at = values;
        for (String key : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return null;
            }
            at = ((Map<String, Object>) m).get(key);
            if (at == null) {
                at = "";
            }
        }
        return at;
    }
}
