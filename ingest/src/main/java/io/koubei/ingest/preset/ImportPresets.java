package io.koubei.ingest.preset;

import io.koubei.ingest.format.ColumnMapping;
import io.koubei.ingest.format.MappingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The bundled presets ({@code koubei import --preset NAME}): {@code io/koubei/ingest/preset/index.txt} lists them, one
 * {@code NAME.yml} each ({@code name}, {@code title}, {@code titleZh}, {@code files}, optional {@code localTimes: team},
 * and {@code mapping:} in the mapping.yml language). Adding a vendor is adding a file and a line.
 */
public final class ImportPresets {

    private static final String DIR = "/io/koubei/ingest/preset/";
    private static volatile List<ImportPreset> all;

    private ImportPresets() {
    }

    /** Every preset, in the order of the index. */
    public static List<ImportPreset> all() {
        List<ImportPreset> a = all;
        if (a == null) {
            a = load();
            all = a;
        }
        return a;
    }

    public static List<String> names() {
        return all().stream().map(ImportPreset::name).toList();
    }

    /** The preset of that name (any case); an unknown name is refused with the list of valid ones. */
    public static ImportPreset get(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(p -> p.name().equals(wanted)).findFirst().orElseThrow(() -> new MappingException(
                "--preset: unknown preset '" + name + "'; expected one of " + String.join(", ", names())
                        + " (koubei import --preset list shows the columns each reads)"));
    }

    private static List<ImportPreset> load() {
        List<ImportPreset> out = new ArrayList<>();
        for (String line : resource("index.txt").lines().toList()) {
            String n = line.strip();
            if (!n.isEmpty() && !n.startsWith("#")) {
                out.add(parse(n, resource(n + ".yml")));
            }
        }
        return List.copyOf(out);
    }

    static ImportPreset parse(String fileName, String yaml) {
        JsonNode root = new YAMLMapper().readTree(yaml);
        String name = root.path("name").asString(fileName);
        List<String> files = new ArrayList<>();
        root.path("files").forEach(f -> files.add(f.asString().toLowerCase(Locale.ROOT)));
        String local = root.path("localTimes").asString("");
        if (!local.isEmpty() && !local.equals("team")) {
            throw new MappingException("preset " + name + ": localTimes '" + local + "'; expected team");
        }
        ColumnMapping mapping = ColumnMapping.parse(root.path("mapping"), "preset " + name);
        String zoneInHeader = root.hasNonNull("zoneInHeader") ? root.get("zoneInHeader").asString() : null;
        if (zoneInHeader != null) {
            java.util.regex.Pattern.compile(zoneInHeader); // a broken bundled pattern fails the first use, loudly
        }
        return new ImportPreset(name, root.path("title").asString(name), root.path("titleZh").asString(name), files,
                local.equals("team"), mapping, zoneInHeader);
    }

    private static String resource(String file) {
        try (InputStream in = ImportPresets.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("preset resource missing: " + DIR + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
