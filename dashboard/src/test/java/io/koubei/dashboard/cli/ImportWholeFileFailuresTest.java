package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.dashboard.KoubeiMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, finding 8: a file that cannot be read at all (not a zip, truncated, a zip bomb) or a data directory held by
 * a running server made {@code koubei import} exit 1 — documented as "some rows were rejected" — after 54 to 200 lines
 * of stack trace. It must exit 2 ("the import could not finish") with one sentence.
 */
class ImportWholeFileFailuresTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run importFile(Path file) {
        return koubei("import", "--quiet", "--no-signals", "--data-dir", dir.resolve("data").toString(), file.toString());
    }

    private Run koubei(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = KoubeiMain.commandLine().execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void assertOneSentence(Run r, String expected) {
        String all = r.out() + r.err();
        assertThat(r.code()).as(all).isEqualTo(2);
        assertThat(all).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(r.err().strip().lines().filter(l -> l.startsWith("koubei import: ")).toList()).as(all).hasSize(1);
        assertThat(r.err()).contains(expected);
    }

    @Test
    void notAZip() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.xlsx"), "this is not a workbook");
        assertOneSentence(importFile(file), "notes.xlsx");
    }

    @Test
    void aTruncatedWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("feedback");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("source");
            header.createCell(1).setCellValue("text");
            for (int i = 1; i < 200; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue("appstore");
                row.createCell(1).setCellValue("续航很好 " + i);
            }
            wb.write(bytes);
        }
        byte[] all = bytes.toByteArray();
        Path file = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(all, all.length / 2));
        assertOneSentence(importFile(file), "cut.xlsx");
    }

    @Test
    void aZipBomb() throws IOException {
        Path file = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros); // 64 MiB of zeros in about 64 KiB
            }
            zip.closeEntry();
        }
        assertOneSentence(importFile(file), "bomb.xlsx");
    }

    @Test
    void aDataDirectoryHeldByARunningServer() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.jsonl"), "{\"source\":\"s\",\"channel\":\"review\",\"externalId\":\"1\","
                + "\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"好\"}\n");
        Path index = dir.resolve("data").resolve("index");
        Files.createDirectories(index);
        try (Directory d = FSDirectory.open(index); Lock held = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            assertOneSentence(importFile(file), "in use by a running Koubei");
            Run report = koubei("report", "weekly", "--week", "2026-W40", "--data-dir", dir.resolve("data").toString());
            assertThat(report.code()).as(report.out() + report.err()).isEqualTo(2);
            assertThat(report.out() + report.err()).doesNotContain("\tat ").contains("koubei weekly: ").contains("write.lock");
        }
    }
}
