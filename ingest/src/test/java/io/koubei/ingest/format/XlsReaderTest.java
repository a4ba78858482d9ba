package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.FeedbackItem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 §1: legacy Excel 97–2003 workbooks are read like .xlsx. */
class XlsReaderTest {

    @TempDir
    Path dir;

    @Test
    void anXlsWorkbookIsReadWithNumbersDatesAndLenientOptionalFields() throws IOException {
        Path file = dir.resolve("export.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet sheet = wb.createSheet("评论");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row h = sheet.createRow(0);
            String[] headers = {"source", "channel", "externalId", "createdAt", "text", "author.level", "author.followers", "interactions.likes"};
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
            }
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("tieba");
            r.createCell(1).setCellValue("community");
            r.createCell(2).setCellValue(12345678901234d);
            r.createCell(3).setCellValue(LocalDateTime.of(2024, 5, 1, 10, 15));
            r.getCell(3).setCellStyle(date);
            r.createCell(4).setCellValue("屏幕发黄");
            r.createCell(5).setCellValue("Lv7");
            r.createCell(6).setCellValue("1.2万");
            r.createCell(7).setCellFormula("2+3");
            sheet.createRow(2); // empty row: skipped
            Row bad = sheet.createRow(3);
            bad.createCell(0).setCellValue("tieba");
            bad.createCell(1).setCellValue("community");
            bad.createCell(4).setCellValue("no id, no date");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // Excel stores each formula's last result
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        List<ParseResult> results = RoundTripTest.readAll(file, ColumnMapping.NONE, FormatOptions.standard().withZone(ZoneId.of("Asia/Shanghai")));

        assertThat(results).hasSize(2);
        FeedbackItem item = ((ParseResult.Valid) results.get(0)).item();
        assertThat(item.id()).isEqualTo("tieba:12345678901234");
        assertThat(item.createdAt()).isEqualTo(Instant.parse("2024-05-01T02:15:00Z"));
        assertThat(item.author().level()).isEqualTo(7);
        assertThat(item.author().followers()).isEqualTo(12_000);
        assertThat(item.interactions().likes()).isEqualTo(5);
        assertThat(BadRowsTest.warnings(results)).containsExactly("export.xls:2: author.followers: '1.2万' read as 12000",
                "export.xls:2: author.level: 'Lv7' read as 7");
        assertThat(BadRowsTest.rejections(results)).containsExactly(
                "export.xls:4: externalId: missing (required: give externalId, or id)",
                "export.xls:4: createdAt: missing (required: ISO-8601 with offset or epoch milliseconds)");
        assertThat(InputFormat.detect(file)).contains(InputFormat.XLS);
    }
}
