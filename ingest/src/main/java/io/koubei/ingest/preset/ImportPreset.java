package io.koubei.ingest.preset;

import io.koubei.ingest.format.ColumnMapping;
import io.koubei.ingest.format.MappingException;
import io.koubei.ingest.importing.ImportOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bundled reading of one vendor's export: a {@code mapping.yml} (columns by name or by pattern, header rows,
 * defaults for source and channel, date forms) plus which files it reads and where local times are placed. Presets
 * are data ({@code io/koubei/ingest/preset/NAME.yml}), loaded by {@link ImportPresets}.
 *
 * @param name       what {@code koubei import --preset} takes
 * @param title      one line in English
 * @param titleZh    the same line in Chinese
 * @param files      file extensions the vendor writes (without the dot)
 * @param teamZone   true when the export writes local times without a zone (Chinese tools write Beijing time): they
 *                   are read in {@code --zone}, else in the team's zone ({@code koubei.zone})
 * @param mapping    the column mapping
 * @param zoneInHeader a regular expression whose first group is the zone the export names in its header (Qualtrics'
 *                   {@code "timeZone":"America/Denver"} in the third header row), or null; it is used for local times
 *                   when no {@code --zone} was given, before the team's zone
 */
public record ImportPreset(String name, String title, String titleZh, List<String> files, boolean teamZone,
                           ColumnMapping mapping, String zoneInHeader) {

    /** The first bytes of a file searched for the zone its header names. */
    private static final int HEADER_BYTES = 256 * 1024;

    public ImportPreset {
        files = List.copyOf(files);
    }

    /**
     * The import options for a file of this preset: its mapping, and — when it writes local times and no zone was
     * given — the team's zone of {@code base} for them. {@code --source}/{@code --channel} (defaults of {@code base})
     * still win over the preset's.
     */
    public ImportOptions applyTo(ImportOptions base) {
        return applyTo(base, null);
    }

    /**
     * As {@link #applyTo(ImportOptions)}, and when no zone was given, the zone the file's header names (when this
     * preset knows where its vendor writes one) is used for its local times instead of the team's.
     */
    public ImportOptions applyTo(ImportOptions base, Path file) {
        ImportOptions o = base.withMapping(mapping);
        if (o.formatOptions().zone() == null && file != null && zoneInHeader != null) {
            java.time.ZoneId z = zoneInHeader(file);
            if (z != null) {
                o = o.withFormatOptions(o.formatOptions().withZone(z));
            }
        }
        if (teamZone && o.formatOptions().zone() == null) {
            o = o.withFormatOptions(o.formatOptions().withZone(o.formatOptions().teamZone()));
        }
        return o;
    }

    /** The zone the file's header names, or null (none, unreadable, not a zone, a workbook). */
    java.time.ZoneId zoneInHeader(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEADER_BYTES);
            io.koubei.core.text.TextEncoding.Detected d = io.koubei.core.text.TextEncoding.detect(head, head.length, head.length < HEADER_BYTES);
            String text = new String(head, d.bomLength(), head.length - d.bomLength(), d.charset());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(zoneInHeader).matcher(text);
            return m.find() ? java.time.ZoneId.of(m.group(1).trim()) : null;
        } catch (java.io.IOException | RuntimeException e) { // unreadable, or not a zone (DateTimeException)
            return null; // the team's zone then, as for any preset that writes local times
        }
    }

    /** Refuses a file whose extension this vendor does not write, naming the ones it does. */
    public void checkFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        if (!files.contains(ext)) {
            throw new MappingException(file.getFileName() + ": --preset " + name + " reads " + String.join(", ", files.stream()
                    .map(f -> "." + f).toList()) + " files (" + title + "); this file is ." + ext);
        }
    }

    /** What the preset reads: {@code target ← column} lines, patterns written {@code /regex/}. */
    public List<String> columnsRead() {
        List<String> out = new ArrayList<>();
        mapping.columns().forEach((target, cols) -> out.add(target + " ← " + String.join(" + ", cols)));
        mapping.header().match().forEach((target, patterns) -> {
            if (!mapping.columns().containsKey(target)) {
                out.add(target + " ← " + String.join(" | ", patterns.stream().map(ImportPreset::shown).toList())
                        + (mapping.header().require().contains(target) ? "" : " (if present)"));
            }
        });
        if (!mapping.externalIdFrom().isEmpty()) {
            out.add("externalId ← hash of " + String.join(" + ", mapping.externalIdFrom()) + " (when there is no id)");
        }
        mapping.constants().forEach((target, value) -> out.add(target + " = " + value));
        mapping.defaults().forEach((target, value) -> out.add(target + " = " + value + " (unless --" + target + " or the row says)"));
        switch (mapping.unmapped()) {
            case FIELDS -> out.add("fields ← every other column (answers), by its header");
            case EXTRA -> out.add("extra ← every other column");
            case IGNORE -> { }
        }
        if (!mapping.header().drop().isEmpty()) {
            out.add("dropped: " + String.join(" | ", mapping.header().drop().stream().map(ImportPreset::shown).toList()));
        }
        return out;
    }

    /** A pattern as users read it: an exact name {@code ^X$} as {@code X}, anything else as {@code /regex/}. */
    private static String shown(String alternative) {
        List<String> parts = new ArrayList<>();
        for (String part : alternative.split(" \\+ ")) {
            String exact = io.koubei.ingest.format.HeaderRules.exactName(part.trim());
            parts.add(exact != null ? exact : "/" + part.trim() + "/");
        }
        return String.join(" + ", parts);
    }
}
