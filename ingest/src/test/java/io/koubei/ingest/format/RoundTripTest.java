package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.FeedbackItem;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {

    @TempDir
    Path dir;

    @Test
    void codecReadsBackWhatItWrote() {
        FeedbackJsonCodec codec = new FeedbackJsonCodec();
        for (FeedbackItem item : SampleItems.all(false)) {
            String json = codec.toJson(item);
            assertThat(json).doesNotContain("\n");
            assertThat(codec.fromJson(json)).isEqualTo(item);
        }
    }

    @Test
    void jsonLinesRoundTrip() throws IOException {
        List<FeedbackItem> items = SampleItems.all(false);
        Path file = dir.resolve("items.jsonl");
        assertThat(FormatV1Writer.writeAll(file, items)).isEqualTo(items.size());

        assertThat(readValid(file, ColumnMapping.NONE, FormatOptions.standard())).containsExactlyElementsOf(items);
    }

    @Test
    void csvRoundTrip() throws IOException {
        List<FeedbackItem> items = SampleItems.all(true);
        FlatRows flat = FlatRows.of(items);
        Path file = dir.resolve("items.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(flat.headers.toArray(String[]::new)).get())) {
            for (List<String> row : flat.rows) {
                p.printRecord(row);
            }
        }
        assertThat(readValid(file, ColumnMapping.NONE, FormatOptions.standard())).containsExactlyElementsOf(items);
    }

    @Test
    void xlsxWrittenWithPoiRoundTrips() throws IOException {
        List<FeedbackItem> items = SampleItems.all(true);
        FlatRows flat = FlatRows.of(items);
        Path file = dir.resolve("items.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("feedback");
            Row header = sheet.createRow(0);
            for (int c = 0; c < flat.headers.size(); c++) {
                header.createCell(c).setCellValue(flat.headers.get(c));
            }
            for (int r = 0; r < flat.rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = flat.rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        assertThat(readValid(file, ColumnMapping.NONE, FormatOptions.standard())).containsExactlyElementsOf(items);
    }

    @Test
    void xlsxNumericAndDateCellsAreReadAsValuesNotDisplayText() throws IOException {
        Path file = dir.resolve("typed.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("s");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d h:mm"));
            CellStyle thousands = wb.createCellStyle();
            thousands.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0"));
            Row h = sheet.createRow(0);
            String[] headers = {"source", "channel", "externalId", "createdAt", "text", "rating.scale", "rating.value", "author.followers"};
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
            }
            Row r = sheet.createRow(3); // rows 2 and 3 left empty on purpose
            r.createCell(0).setCellValue("tmall");
            r.createCell(1).setCellValue("review");
            r.createCell(2).setCellValue(12345678901234d);
            r.createCell(3).setCellValue(LocalDateTime.of(2024, 5, 1, 10, 15));
            r.getCell(3).setCellStyle(dateStyle);
            r.createCell(4).setCellValue("物流很快");
            r.createCell(5).setCellValue("stars");
            r.createCell(6).setCellValue(4);
            r.createCell(7).setCellValue(123456);
            r.getCell(7).setCellStyle(thousands);
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        FormatOptions shanghai = FormatOptions.standard().withZone(ZoneId.of("Asia/Shanghai"));
        List<ParseResult> results = readAll(file, ColumnMapping.NONE, shanghai);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).line()).isEqualTo(4);
        FeedbackItem item = ((ParseResult.Valid) results.get(0)).item();
        assertThat(item.id()).isEqualTo("tmall:12345678901234");
        assertThat(item.createdAt()).isEqualTo(java.time.Instant.parse("2024-05-01T02:15:00Z"));
        assertThat(item.rating().value()).isEqualTo(4.0);
        assertThat(item.author().followers()).isEqualTo(123456);

        // without a zone a date cell cannot be placed in time: a clear rejection, not a guess
        List<ParseResult> noZone = readAll(file, ColumnMapping.NONE, FormatOptions.standard());
        assertThat(((ParseResult.Invalid) noZone.get(0)).rejections()).singleElement()
                .hasToString("typed.xlsx:4: createdAt: '2024-05-01T10:15:00' has no UTC offset; write it with one"
                        + " (e.g. 2024-05-01T10:15:00+08:00) or set a zone (koubei import --zone, or dates.zone in mapping.yml)");
    }

    @Test
    void closingAnXlsxReaderEarlyStopsItsParsingThread() throws IOException {
        Path file = dir.resolve("many.xlsx");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet();
            String[] headers = {"source", "channel", "externalId", "createdAt", "text"};
            Row h = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
            }
            for (int i = 1; i <= 2000; i++) {
                Row r = sheet.createRow(i);
                r.createCell(0).setCellValue("weibo");
                r.createCell(1).setCellValue("social");
                r.createCell(2).setCellValue("id" + i);
                r.createCell(3).setCellValue("2024-05-01T10:00:00+08:00");
                r.createCell(4).setCellValue("text " + i);
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
        long before = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("xlsx-reader-")).count();
        try (FeedbackReader reader = FeedbackReaders.open(file, ColumnMapping.NONE, FormatOptions.standard())) {
            assertThat(reader.next().valid()).isTrue();
            assertThat(reader.next().line()).isEqualTo(3);
        }
        long after = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("xlsx-reader-") && t.isAlive()).count();
        assertThat(after).isLessThanOrEqualTo(before);
    }

    static List<ParseResult> readAll(Path file, ColumnMapping mapping, FormatOptions options) throws IOException {
        List<ParseResult> out = new ArrayList<>();
        try (FeedbackReader reader = FeedbackReaders.open(file, mapping, options)) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    static List<FeedbackItem> readValid(Path file, ColumnMapping mapping, FormatOptions options) throws IOException {
        List<ParseResult> all = readAll(file, mapping, options);
        assertThat(all).filteredOn(r -> !r.valid()).isEmpty();
        return all.stream().map(r -> ((ParseResult.Valid) r).item()).toList();
    }
}
