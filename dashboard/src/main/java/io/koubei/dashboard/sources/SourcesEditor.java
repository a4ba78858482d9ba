package io.koubei.dashboard.sources;

import io.koubei.ingest.connect.SourcesFile;
import io.koubei.ingest.connect.SourcesFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Edits {@code <data-dir>/sources.yml} for the sources settings page: reads it as written (a {@code ${NAME}} stays a
 * reference, never its value), checks an edited list — a secret setting must be an environment-variable reference, the
 * file must load as {@link SourcesFile} loads it — and writes it atomically. Comments of a hand-written file are not kept.
 */
public final class SourcesEditor {
    /** Settings that hold credentials: never stored in clear text. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(token|password|secret|apikey|api_key|credential)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ONLY_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final List<String> COMMON = List.of("name", "type", "schedule", "product", "channel");

    private final Path file;
    private final UnaryOperator<String> environment;

    public SourcesEditor(Path file, UnaryOperator<String> environment) {
        this.file = file;
        this.environment = environment;
    }

    public Path file() {
        return file;
    }

    /** One source as the form shows it: the common settings, and the connector's own as {@code key: value} lines. */
    public record Entry(String name, String type, String schedule, String product, String channel, String settings) {
        public Entry {
            name = trim(name);
            type = trim(type);
            schedule = trim(schedule);
            product = trim(product);
            channel = trim(channel);
            settings = settings == null ? "" : settings.strip();
        }

        boolean blank() {
            return name.isEmpty() && type.isEmpty() && schedule.isEmpty() && product.isEmpty() && channel.isEmpty() && settings.isEmpty();
        }

        private static String trim(String s) {
            return s == null ? "" : s.trim();
        }
    }

    /** A problem of the form, to be said in the user's language: a message key and its arguments. */
    public record Problem(String key, List<String> args) {
    }

    /** What saving did: the problems that refused it, or (when saved) the variables this process does not have. */
    public record Outcome(List<Problem> problems, List<String> unsetVariables) {
        public boolean saved() {
            return problems.isEmpty();
        }
    }

    /** The sources of the file as written, without substituting anything. */
    public List<Entry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new SourcesFileException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        List<Entry> out = new ArrayList<>();
        if (root == null || !root.path("sources").isArray()) {
            return out;
        }
        for (JsonNode s : root.get("sources")) {
            StringBuilder settings = new StringBuilder();
            for (Map.Entry<String, JsonNode> p : s.properties()) {
                if (!COMMON.contains(p.getKey()) && p.getValue().isValueNode() && !p.getValue().isNull()) {
                    settings.append(p.getKey()).append(": ").append(p.getValue().asString()).append('\n');
                }
            }
            out.add(new Entry(s.path("name").asString(""), s.path("type").asString(""), s.path("schedule").asString(""),
                    s.path("product").asString(""), s.path("channel").asString(""), settings.toString()));
        }
        return out;
    }

    /** Checks the edited sources (blank rows left out) and, when nothing is wrong, writes the file. */
    public synchronized Outcome save(List<Entry> edited) {
        List<Entry> sources = edited.stream().filter(e -> !e.blank()).toList();
        List<Problem> problems = new ArrayList<>();
        ArrayNode list = new YAMLMapper().createArrayNode();
        Set<String> variables = new LinkedHashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            Entry e = sources.get(i);
            String label = e.name().isEmpty() ? "#" + (i + 1) : e.name();
            ObjectNode o = list.addObject();
            o.put("name", e.name());
            o.put("type", e.type());
            if (!e.schedule().isEmpty()) {
                o.put("schedule", e.schedule());
            }
            if (!e.product().isEmpty()) {
                o.put("product", e.product());
            }
            if (!e.channel().isEmpty()) {
                o.put("channel", e.channel());
            }
            int lineNo = 0;
            for (String line : e.settings().split("\\R")) {
                lineNo++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String key = colon < 0 ? "" : line.substring(0, colon).trim();
                String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                if (colon < 0 || key.isEmpty() || COMMON.contains(key)) {
                    problems.add(new Problem("sources.edit.badLine", List.of(label, String.valueOf(lineNo), line.strip())));
                    continue;
                }
                if ((value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'")) && value.length() >= 2) {
                    value = value.substring(1, value.length() - 1);
                }
                if (SECRET_KEY.matcher(key).matches() && !value.isEmpty() && !ONLY_REFERENCE.matcher(value).matches()) {
                    String example = "${" + (e.name().isEmpty() ? "SOURCE" : e.name()).toUpperCase(Locale.ROOT)
                            .replaceAll("[^A-Z0-9]+", "_") + "_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "}";
                    problems.add(new Problem("sources.edit.clearSecret", List.of(label, key, example)));
                    continue; // never written, not even to a temporary file
                }
                Matcher m = REFERENCE.matcher(value);
                while (m.find()) {
                    variables.add(m.group(1));
                }
                o.put(key, value);
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, List.of());
        }
        ObjectNode root = new YAMLMapper().createObjectNode();
        root.set("sources", list);
        String yaml = "# Koubei sources (docs/sources.md). Edited on the sources settings page; secrets only as ${VARIABLE}.\n"
                + new YAMLMapper().writeValueAsString(root).replaceFirst("^---\\s*\\n", "");
        List<String> unset = variables.stream().filter(v -> environment.apply(v) == null).toList();
        try {
            // checked as koubei serve will read it; a variable this process lacks is no reason to refuse the edit
            SourcesFile.parse(yaml, file.toString(), v -> environment.apply(v) != null ? environment.apply(v) : "unset");
        } catch (SourcesFileException ex) {
            return new Outcome(List.of(new Problem("sources.edit.invalid", List.of(ex.getMessage()))), List.of());
        }
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".sources", ".yml.tmp");
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Outcome(List.of(), unset);
    }

    /** The types a source can have, for the form's choice. */
    public static List<String> types() {
        List<String> t = new ArrayList<>(io.koubei.ingest.connect.Connectors.TYPES);
        t.addAll(io.koubei.ingest.connect.Connectors.PUSH_TYPES);
        return t;
    }
}
