package io.koubei.ingest.connect;

import io.koubei.core.feedback.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code <data-dir>/sources.yml}:
 * <pre>
 * sources:
 *   - name: appstore-cn        # the items' source
 *     type: appstore
 *     schedule: PT1H           # ISO-8601 duration, default PT1H
 *     product: nova-x1         # optional
 *     channel: review          # optional, else the connector's default
 *     appId: "1142110895"      # the connector's own keys
 *     token: ${GITHUB_TOKEN}   # read from the environment, never written anywhere
 * </pre>
 * Every problem names the file, the source and the key. A missing file means no sources.
 */
public final class SourcesFile {
    public static final String FILE_NAME = "sources.yml";
    public static final Duration DEFAULT_SCHEDULE = Duration.ofHours(1);
    private static final Duration MIN_SCHEDULE = Duration.ofMinutes(1);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> COMMON = Set.of("name", "type", "schedule", "product", "channel");

    private SourcesFile() {
    }

    /** The sources of {@code <dataDir>/sources.yml}, with {@code ${NAME}} read from the process environment. */
    public static List<SourceConfig> load(Path dataDir) {
        return load(dataDir.resolve(FILE_NAME), System::getenv);
    }

    public static List<SourceConfig> load(Path file, UnaryOperator<String> environment) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(Files.readString(file), file.toString(), environment);
        } catch (IOException e) {
            throw new SourcesFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<SourceConfig> parse(String yaml, String fileName, UnaryOperator<String> environment) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(yaml);
        } catch (JacksonException e) {
            throw new SourcesFileException(fileName + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        JsonNode list = root.get("sources");
        if (!root.isObject() || list == null || !(list.isArray() || list.isNull())) {
            throw new SourcesFileException(fileName, null, "sources", "expected a list of sources under the key 'sources'");
        }
        List<SourceConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode entry : list) {
            index++;
            out.add(source(entry, index, fileName, environment, names));
        }
        return List.copyOf(out);
    }

    private static SourceConfig source(JsonNode entry, int index, String file, UnaryOperator<String> env, Set<String> names) {
        if (!entry.isObject()) {
            throw new SourcesFileException(file, "#" + index, null, "expected a map of settings (name, type, …)");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        String label = entry.hasNonNull("name") && entry.get("name").isValueNode() ? entry.get("name").asString() : "#" + index;
        for (Map.Entry<String, JsonNode> p : entry.properties()) {
            JsonNode v = p.getValue();
            if (v.isNull()) {
                continue;
            }
            if (!v.isValueNode()) {
                throw new SourcesFileException(file, label, p.getKey(), "expected a single value, not a list or a map");
            }
            raw.put(p.getKey(), substitute(v.asString(), file, label, p.getKey(), env));
        }
        String name = raw.get("name");
        if (name == null || name.isBlank()) {
            throw new SourcesFileException(file, label, "name", "is required (it becomes every item's source)");
        }
        if (!NAME.matcher(name).matches()) {
            throw new SourcesFileException(file, label, "name", "use letters, digits, '.', '_' and '-' only (at most 100), got '" + name + "'");
        }
        if (!names.add(name)) {
            throw new SourcesFileException(file, name, "name", "is used by two sources; names must be unique");
        }
        String type = raw.get("type");
        if (type == null || type.isBlank()) {
            throw new SourcesFileException(file, name, "type", "is required (one of " + known() + ")");
        }
        if (!Connectors.TYPES.contains(type.trim()) && !Connectors.PUSH_TYPES.contains(type.trim())) {
            throw new SourcesFileException(file, name, "type", "unknown type '" + type + "' (known: " + known() + ")");
        }
        Duration schedule = DEFAULT_SCHEDULE;
        if (raw.get("schedule") != null) {
            try {
                schedule = Duration.parse(raw.get("schedule").trim());
            } catch (DateTimeParseException e) {
                throw new SourcesFileException(file, name, "schedule", "expected an ISO-8601 duration such as PT15M or PT1H, got '" + raw.get("schedule") + "'");
            }
            if (schedule.compareTo(MIN_SCHEDULE) < 0) {
                throw new SourcesFileException(file, name, "schedule", "must be at least PT1M, got " + raw.get("schedule"));
            }
        }
        Channel channel = null;
        if (raw.get("channel") != null) {
            channel = Channel.fromWire(raw.get("channel")).orElseThrow(() -> new SourcesFileException(file, name, "channel",
                    "unknown channel '" + raw.get("channel") + "' (one of " + Arrays.stream(Channel.values())
                            .map(Channel::wireName).collect(Collectors.joining(", ")) + ")"));
        }
        String product = raw.get("product") == null || raw.get("product").isBlank() ? null : raw.get("product").trim();
        Map<String, String> settings = new LinkedHashMap<>(raw);
        COMMON.forEach(settings::remove);
        SourceConfig config = new SourceConfig(file, name, type.trim(), schedule, product, channel, settings);
        Connectors.check(config);
        return config;
    }

    private static String known() {
        return String.join(", ", Connectors.TYPES) + ", " + String.join(", ", Connectors.PUSH_TYPES);
    }

    /** Replaces every {@code ${NAME}} by the environment variable; a variable that is not set is an error. */
    static String substitute(String value, String file, String source, String key, UnaryOperator<String> env) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                throw new SourcesFileException(file, source, key, "environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
