package io.koubei.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads one sheet of an .xlsx workbook with POI's streaming SAX reader (memory stays flat for 100k+ rows). The first
 * non-empty row is the header; line numbers are Excel row numbers. Date cells become local date-times, read in the
 * configured zone (a date cell has none of its own); numbers keep their full precision (no "1.2E+10").
 *
 * <p>SAX pushes rows, callers pull them: a parsing thread hands rows over through a small bounded queue.
 */
public final class XlsxFeedbackReader extends LookAheadReader {

    private static final Object END = new Object();

    private final String name;
    private final OPCPackage pkg;
    private final ColumnMapping mapping;
    private final RecordDecoder decoder;
    private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(256);
    private final Thread producer;
    private volatile boolean closed;
    private long estimatedRows = -1;
    private FlatRowAssembler assembler;
    private final List<List<String>> headerRows = new ArrayList<>();
    private boolean finished;

    private record Row(int number, List<String> cells) {
    }

    private record Failure(Exception error) {
    }

    public XlsxFeedbackReader(Path file, ColumnMapping mapping, FormatOptions options) throws IOException {
        this.name = file.getFileName().toString();
        this.mapping = mapping;
        this.decoder = new RecordDecoder(mapping.applyTo(options), V1Json.MAPPER);
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new MappingException(name + ": not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        }
        InputStream sheet;
        ReadOnlySharedStringsTable strings;
        StylesTable styles;
        try {
            XSSFReader reader = new XSSFReader(pkg);
            strings = new ReadOnlySharedStringsTable(pkg);
            styles = reader.getStylesTable();
            try (InputStream first = openSheet(reader, mapping.sheet())) {
                estimatedRows = dimensionRows(first);
            }
            sheet = openSheet(reader, mapping.sheet());
        } catch (MappingException e) {
            pkg.revert();
            throw e;
        } catch (Exception e) {
            pkg.revert();
            throw new MappingException(name + ": cannot open the workbook's sheets (" + e.getMessage() + ")", e);
        }
        producer = new Thread(() -> parse(sheet, strings, styles), "xlsx-reader-" + name);
        producer.setDaemon(true);
        producer.start();
    }

    private InputStream openSheet(XSSFReader reader, String wanted) throws Exception {
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
        List<String> names = new ArrayList<>();
        while (it.hasNext()) {
            InputStream s = it.next();
            if (wanted == null || wanted.equals(it.getSheetName())) {
                return s;
            }
            names.add(it.getSheetName());
            s.close();
        }
        throw new MappingException(name + ": no sheet named '" + wanted + "'; the workbook has " + names);
    }

    /** Data rows from the sheet's {@code <dimension ref="A1:H1001"/>} (written by Excel and POI), or -1. */
    private static long dimensionRows(InputStream sheet) {
        try {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String local = xml.getLocalName();
                        if (local.equals("dimension")) {
                            String ref = xml.getAttributeValue(null, "ref");
                            int colon = ref == null ? -1 : ref.indexOf(':');
                            return colon < 0 ? -1 : Math.max(0, new CellReference(ref.substring(colon + 1)).getRow());
                        }
                        if (local.equals("sheetData")) {
                            return -1;
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public long estimatedRows() {
        return estimatedRows;
    }

    private void parse(InputStream sheet, ReadOnlySharedStringsTable strings, StylesTable styles) {
        try (sheet) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new RowCollector(), new RawValueFormatter(), false));
            xml.parse(new InputSource(sheet));
            put(END);
        } catch (Stopped ignored) {
            // closed by the consumer
        } catch (Exception e) {
            if (!closed) {
                put(new Failure(e));
            }
        }
    }

    private void put(Object o) {
        try {
            while (!rows.offer(o, 200, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Aborts the SAX parse when the consumer closed the reader early. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private List<String> cells;
        private int rowNumber;

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                put(new Row(rowNumber, cells));
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add(null);
            }
            cells.add(value);
        }
    }

    /** Numbers as plain decimals, date-formatted numbers as ISO local date-times, instead of display formatting. */
    private static final class RawValueFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            return plain(value);
        }

        static String plain(double value) {
            if (!Double.isFinite(value)) {
                return Double.toString(value);
            }
            String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    protected ParseResult readNext() {
        if (finished) {
            return null;
        }
        while (true) {
            Object o;
            try {
                o = rows.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + name, e);
            }
            if (o == END) {
                finished = true;
                if (assembler == null) {
                    throw new MappingException(name + ": the sheet is empty; expected a header row with column names");
                }
                return null;
            }
            if (o instanceof Failure f) {
                finished = true;
                Exception e = f.error();
                if (e instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw new MappingException(name + ": the sheet could not be read (" + e.getMessage() + ")", e);
            }
            Row row = (Row) o;
            if (assembler == null) {
                headerRows.add(row.cells().stream().map(c -> c == null ? "" : c).toList());
                if (headerRows.size() == mapping.header().rows()) {
                    assembler = FlatRowAssembler.fromRows(headerRows, mapping, name);
                }
                continue;
            }
            if (row.cells().size() > assembler.headers().size()
                    && row.cells().subList(assembler.headers().size(), row.cells().size()).stream().anyMatch(c -> c != null && !c.isBlank())) {
                return new ParseResult.Invalid(row.number(), List.of(new Rejection(name, row.number(), "(xlsx)",
                        "the row has values beyond the last header column " + assembler.headers().size())));
            }
            return assembler.annotate(decoder.decode(assembler.assemble(row.cells()), name, row.number()));
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        rows.clear();
        try {
            producer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pkg.revert(); // read-only: close without saving
    }

}
