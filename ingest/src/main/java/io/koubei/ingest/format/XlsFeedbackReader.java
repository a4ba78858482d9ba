package io.koubei.ingest.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads one sheet of a legacy Excel 97–2003 {@code .xls} workbook (POI HSSF). Such a workbook holds at most 65,536 rows,
 * so it is loaded whole. Cells are read as {@link XlsxFeedbackReader} reads them: the first non-empty row is the
 * header, line numbers are Excel row numbers, numbers keep their full precision, date cells become local date-times
 * (read in the configured zone), formulas give their cached result.
 */
public final class XlsFeedbackReader extends LookAheadReader {

    private final String name;
    private final HSSFWorkbook workbook;
    private final Iterator<Row> rows;
    private final ColumnMapping mapping;
    private final RecordDecoder decoder;
    private final long estimatedRows;
    private FlatRowAssembler assembler;
    private final List<List<String>> headerRows = new ArrayList<>();

    public XlsFeedbackReader(Path file, ColumnMapping mapping, FormatOptions options) throws IOException {
        this.name = file.getFileName().toString();
        this.mapping = mapping;
        this.decoder = new RecordDecoder(mapping.applyTo(options), V1Json.MAPPER);
        try {
            this.workbook = new HSSFWorkbook(new POIFSFileSystem(file.toFile(), true));
        } catch (Exception e) {
            throw new MappingException(name + ": not a readable .xls workbook (" + e.getMessage() + ")", e);
        }
        Sheet sheet = sheet(mapping.sheet());
        this.estimatedRows = Math.max(0, sheet.getLastRowNum());
        this.rows = sheet.rowIterator();
    }

    private Sheet sheet(String wanted) throws IOException {
        if (workbook.getNumberOfSheets() == 0) {
            workbook.close();
            throw new MappingException(name + ": the workbook has no sheet");
        }
        if (wanted == null) {
            return workbook.getSheetAt(0);
        }
        Sheet s = workbook.getSheet(wanted);
        if (s == null) {
            List<String> names = new ArrayList<>();
            workbook.forEach(x -> names.add(x.getSheetName()));
            workbook.close();
            throw new MappingException(name + ": no sheet named '" + wanted + "'; the workbook has " + names);
        }
        return s;
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    public long estimatedRows() {
        return estimatedRows;
    }

    @Override
    protected ParseResult readNext() {
        while (rows.hasNext()) {
            Row row = rows.next();
            List<String> cells = cells(row);
            if (cells.stream().noneMatch(c -> c != null && !c.isBlank())) {
                continue;
            }
            int number = row.getRowNum() + 1;
            if (assembler == null) {
                headerRows.add(cells.stream().map(c -> c == null ? "" : c).toList());
                if (headerRows.size() == mapping.header().rows()) {
                    assembler = FlatRowAssembler.fromRows(headerRows, mapping, name);
                }
                continue;
            }
            int width = assembler.headers().size();
            if (cells.size() > width && cells.subList(width, cells.size()).stream().anyMatch(c -> c != null && !c.isBlank())) {
                return new ParseResult.Invalid(number, List.of(new Rejection(name, number, "(xls)",
                        "the row has values beyond the last header column " + width)));
            }
            return assembler.annotate(decoder.decode(assembler.assemble(cells), name, number));
        }
        if (assembler == null) {
            throw new MappingException(name + ": the sheet is empty; expected a header row with column names");
        }
        return null;
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? null : text(cell, cell.getCellType()));
        }
        return out;
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    : plain(cell.getNumericCellValue());
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            default -> null;
        };
    }

    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
