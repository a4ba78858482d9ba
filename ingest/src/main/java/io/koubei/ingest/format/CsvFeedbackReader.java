package io.koubei.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (RFC 4180 quoting; the first line is the header) with commons-csv, streaming. Line numbers are physical
 * lines of the file, the header being line 1; a record spanning several lines is reported at its first line.
 * The delimiter is the mapping's, else tab for {@code .tsv}, else whichever of {@code , ; tab} the header uses most.
 */
public final class CsvFeedbackReader implements FeedbackReader {

    private final String name;
    private final DecodedLinesReader text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final FlatRowAssembler assembler;
    private final RecordDecoder decoder;
    private final Deque<ParseResult> pending = new ArrayDeque<>();
    private final Charset encoding;
    private long lastLine;
    private boolean broken;

    public CsvFeedbackReader(InputStream in, String name, ColumnMapping mapping, FormatOptions options) throws IOException {
        this.name = name;
        FormatOptions effective = mapping.applyTo(options);
        DetectedInput input = DetectedInput.open(in, effective.charset());
        this.encoding = input.encoding();
        this.text = new DecodedLinesReader(new StrictLineReader(input.stream(), effective.maxLineBytes(), input.charset()));
        String firstLine = text.peekFirstLine();
        char delimiter = mapping.delimiter() != null ? mapping.delimiter()
                : name.toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") ? '\t' : guessDelimiter(firstLine);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        this.parser = CSVParser.builder().setReader(text).setFormat(format).get();
        this.records = parser.iterator();
        this.decoder = new RecordDecoder(effective, V1Json.MAPPER);
        if (firstLine == null || !records.hasNext()) {
            throw new MappingException(name + ": the file is empty; expected a header line with column names");
        }
        List<List<String>> headerRows = new ArrayList<>();
        while (headerRows.size() < mapping.header().rows()) {
            if (!records.hasNext()) {
                throw new MappingException(name + ": the file ends within its header; expected " + mapping.header().rows()
                        + " header lines");
            }
            headerRows.add(records.next().toList());
        }
        lastLine = parser.getCurrentLineNumber();
        Map<Long, String> badHeader = text.takeBadLinesThrough(lastLine);
        if (!badHeader.isEmpty()) {
            Map.Entry<Long, String> first = badHeader.entrySet().iterator().next();
            throw new MappingException(name + ":" + first.getKey() + ": header: " + first.getValue());
        }
        this.assembler = FlatRowAssembler.fromRows(headerRows, mapping, name);
    }

    static char guessDelimiter(String headerLine) {
        if (headerLine == null) {
            return ',';
        }
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public Charset encoding() {
        return encoding;
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    public boolean hasNext() {
        if (pending.isEmpty()) {
            fill();
        }
        return !pending.isEmpty();
    }

    @Override
    public ParseResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    private void fill() {
        while (pending.isEmpty() && !broken) {
            CSVRecord record;
            long start = lastLine + 1;
            try {
                if (!records.hasNext()) {
                    broken = true; // end of input
                    flushBadLines(Long.MAX_VALUE);
                    return;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                broken = true;
                flushBadLines(Long.MAX_VALUE);
                String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
                pending.add(invalid(start, "(csv)", "malformed CSV (" + msg + "); the rest of the file from line "
                        + start + " could not be read — check for an unclosed quote"));
                return;
            }
            long end = Math.max(start, parser.getCurrentLineNumber());
            lastLine = end;
            flushBadLines(start - 1);
            Map<Long, String> bad = text.takeBadLinesThrough(end);
            if (!bad.isEmpty()) {
                List<Rejection> reasons = new ArrayList<>();
                bad.forEach((line, error) -> reasons.add(new Rejection(name, line, "(encoding)", error)));
                pending.add(new ParseResult.Invalid(start, reasons));
                continue;
            }
            if (record.size() == 0 || (record.size() == 1 && record.get(0).isEmpty())) {
                continue; // blank line
            }
            if (record.size() > assembler.headers().size()) {
                pending.add(invalid(start, "(csv)", "the row has " + record.size() + " values but the header has "
                        + assembler.headers().size() + " columns (an unquoted delimiter in a value?)"));
                continue;
            }
            pending.add(assembler.annotate(decoder.decode(assembler.assemble(record.toList()), name, start)));
        }
    }

    /** Bad lines that belonged to no record (e.g. a blank line with bad bytes) are still reported. */
    private void flushBadLines(long through) {
        text.takeBadLinesThrough(through).forEach((line, error) -> pending.add(invalid(line, "(encoding)", error)));
    }

    private ParseResult invalid(long line, String field, String reason) {
        return new ParseResult.Invalid(line, List.of(new Rejection(name, line, field, reason)));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
