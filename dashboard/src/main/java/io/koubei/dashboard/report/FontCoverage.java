package io.koubei.dashboard.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Which typographic characters the PDF font lacks, and their plain stand-ins. The PDF renderer prints a glyph the
 * font does not have as {@code #} — "−13 分" became "#13 分" with WenQuanYi, which has no U+2212 MINUS SIGN — so
 * such characters are replaced by what the font has (the ASCII hyphen-minus, …) before rendering.
 */
final class FontCoverage {
    /** Characters the report writes, each with a replacement every font has. */
    private static final Map<Integer, String> STAND_INS = Map.of(
            0x2212, "-", // minus sign
            0x2013, "-", // en dash (empty table cells)
            0x2014, "-", // em dash
            0x2026, "...", // ellipsis (abbreviated quotes)
            0x00B7, "|", // middle dot (separators)
            0x2009, " ", // thin space
            0x2248, "~"); // almost equal

    private final Map<Integer, String> missing;

    private FontCoverage(Map<Integer, String> missing) {
        this.missing = missing;
    }

    static final FontCoverage ALL = new FontCoverage(Map.of());

    /** Reads the font's Unicode cmap (.ttf, .otf, or every font of a .ttc: a character counts if all have it). */
    static FontCoverage of(Path font) {
        List<CmapLookup> cmaps = new ArrayList<>();
        String name = font.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".ttc")) {
                try (TrueTypeCollection ttc = new TrueTypeCollection(font.toFile())) {
                    ttc.processAllFonts(f -> cmaps.add(f.getUnicodeCmapLookup()));
                    return from(cmaps);
                }
            }
            try (TrueTypeFont f = (name.endsWith(".otf") ? new OTFParser() : new TTFParser())
                    .parse(new RandomAccessReadBufferedFile(font.toFile()))) {
                cmaps.add(f.getUnicodeCmapLookup());
                return from(cmaps);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable cmap: replace them all, a hyphen is always better than a '#'
            return new FontCoverage(STAND_INS);
        }
    }

    private static FontCoverage from(List<CmapLookup> cmaps) {
        Map<Integer, String> missing = new java.util.HashMap<>();
        STAND_INS.forEach((cp, standIn) -> {
            if (cmaps.isEmpty() || cmaps.stream().anyMatch(c -> c == null || c.getGlyphId(cp) == 0)) {
                missing.put(cp, standIn);
            }
        });
        return new FontCoverage(Map.copyOf(missing));
    }

    boolean covers(int codePoint) {
        return !missing.containsKey(codePoint);
    }

    /** The text with every character the font lacks replaced by its stand-in. */
    String fit(String text) {
        if (missing.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String standIn = missing.get(cp);
            if (standIn == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(standIn);
            }
        });
        return out.toString();
    }
}
