package io.koubei.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the project's tab-separated resource files ('#' comments, blank lines ignored). */
public final class ResourceFiles {
    private ResourceFiles() {
    }

    public static final String BASE = "/io/koubei/analysis/";

    public static List<String[]> classpathRows(String name) {
        InputStream in = ResourceFiles.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing built-in resource " + BASE + name);
        }
        return rows(in, name);
    }

    public static List<String[]> fileRows(Path file) {
        try {
            return rows(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<String[]> rows(InputStream in, String what) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = cols[i].strip();
                }
                out.add(cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        }
        return out;
    }

    /** Parses a number column, failing with the file and line content so a bad edit is easy to find. */
    public static double number(String[] row, int col, String what) {
        if (row.length <= col) {
            throw new IllegalArgumentException(what + ": missing column " + (col + 1) + " in line '" + String.join("\t", row) + "'");
        }
        try {
            return Double.parseDouble(row[col]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number '" + row[col] + "' in line '" + String.join("\t", row) + "'");
        }
    }
}
