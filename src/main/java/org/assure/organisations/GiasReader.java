package org.assure.organisations;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assure.kernel.XlsxReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the rows of a GIAS establishment extract from CSV (as published: Windows-1252; UTF-8 too) or
 * from an .xlsx with the same header names. Columns are found by name, so the 139-column extract and a
 * hand-made sheet with only the columns below both work. No database, no framework: unit tests call it.
 */
final class GiasReader {
    static final int MAX_ROWS = 5_000;
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final String TOO_LARGE = "The selected file must be smaller than 20 MB";
    static final String URN = "URN";
    static final String NAME = "EstablishmentName";
    /** A value is kept to this many characters: longer than any the import accepts, so a longer one is still refused by name. */
    static final int MAX_VALUE = 500;
    /**
     * Only the first sheet is read, streamed (kernel.XlsxReader: sizes checked before parsing, formulas
     * never evaluated). Its row limit is two above the schools' (a header, then one school too many) so
     * that a long list gets this reader's message, which says what to do, rather than the general one.
     * The full extract has 139 columns; 5,000 schools of them are under 700,000 cells. */
    static final XlsxReader.Limits XLSX_LIMITS = new XlsxReader.Limits(50, MAX_ROWS + 2, 500, 1_000_000);
    /** The columns read, in the order of {@link GiasRow}'s fields after the row number. */
    static final List<String> COLUMNS = List.of(URN, NAME, "TypeOfEstablishment (name)", "EstablishmentStatus (name)",
            "PhaseOfEducation (name)", "Trusts (name)", "LA (name)", "Postcode", "Boarders (name)",
            "BoardingEstablishment (name)", "NurseryProvision (name)", "HeadTitle (name)", "HeadFirstName", "HeadLastName");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private GiasReader() {
    }

    static List<GiasRow> read(String fileName, byte[] content) throws ImportFileException {
        if (content.length == 0) {
            throw new ImportFileException("The selected file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ImportFileException(TOO_LARGE);
        }
        if (startsWith(content, OLE2)) {
            throw new ImportFileException("The selected file is an old Excel (.xls) file: save it as .xlsx or CSV and upload that");
        }
        List<GiasRow> rows = startsWith(content, ZIP) || fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? readXlsx(content) : readCsv(content);
        if (rows.isEmpty()) {
            throw new ImportFileException("The selected file has a header row but no schools below it");
        }
        return rows;
    }

    private static List<GiasRow> readCsv(byte[] content) throws ImportFileException {
        if (looksBinary(content)) {
            throw new ImportFileException("The selected file must be a CSV or Excel (.xlsx) file");
        }
        List<GiasRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(decode(content)), CSVFormat.DEFAULT)) {
            Map<String, Integer> header = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (header == null) {
                    header = header(cells);
                } else if (!isBlank(cells)) {
                    Map<String, Integer> columns = header;
                    add(rows, (int) record.getRecordNumber(), name -> cell(cells, columns.get(name)));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ImportFileException("The selected file could not be read as CSV: check that quotes are closed"
                    + " (" + e.getMessage() + ")");
        }
        return rows;
    }

    /**
     * Only the first sheet is read, streamed (kernel.XlsxReader: limits checked before parsing, formulas
     * never evaluated). Its row limit is two above the schools' so that a long list gets this reader's
     * message, which says what to do, rather than the general one.
     */
    private static List<GiasRow> readXlsx(byte[] content) throws ImportFileException {
        FirstSheet sheet = new FirstSheet();
        try {
            XlsxReader.read(content, XLSX_LIMITS, sheet);
        } catch (XlsxReader.Refused e) {
            // This reader's own refusals are whole sentences; the kernel's are phrases about "the file".
            throw new ImportFileException(e.getMessage().startsWith("The ") ? e.getMessage() : e.sentence("The selected file"));
        }
        if (sheet.header == null) {
            throw new ImportFileException("The selected file is empty");
        }
        return sheet.rows;
    }

    /** The first sheet's rows: the first non-blank one is the header. */
    private static final class FirstSheet implements XlsxReader.Rows {
        final List<GiasRow> rows = new ArrayList<>();
        Map<String, Integer> header;

        @Override
        public boolean wants(int index, String name) {
            return index == 0;
        }

        @Override
        public void row(String sheet, int row, List<String> cells) throws XlsxReader.Refused {
            try {
                if (header == null) {
                    header = header(cells);
                } else {
                    add(rows, row, name -> cell(cells, header.get(name)));
                }
            } catch (ImportFileException e) {
                throw new XlsxReader.Refused(e.getMessage());
            }
        }
    }

    private static void add(List<GiasRow> rows, int rowNumber, Function<String, String> column) throws ImportFileException {
        if (rows.size() == MAX_ROWS) {
            throw new ImportFileException("The selected file has more than 5,000 schools: filter the extract, for"
                    + " example by local authority, and upload it in parts");
        }
        String[] v = COLUMNS.stream().map(column).toArray(String[]::new);
        rows.add(new GiasRow(rowNumber, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]));
    }

    /** Column positions by name; the two columns no row can do without must be there. */
    private static Map<String, Integer> header(List<String> cells) throws ImportFileException {
        Map<String, Integer> byName = IntStream.range(0, cells.size()).boxed()
                .collect(Collectors.toMap(i -> cells.get(i).strip().toLowerCase(Locale.ROOT), i -> i, (first, later) -> first));
        Map<String, Integer> columns = new HashMap<>();
        for (String name : COLUMNS) {
            Integer index = byName.get(name.toLowerCase(Locale.ROOT));
            if (index != null) {
                columns.put(name, index);
            }
        }
        List<String> missing = List.of(URN, NAME).stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ImportFileException("The selected file must have the columns URN and EstablishmentName in its"
                    + " first row, as a GIAS extract does (missing: " + String.join(", ", missing) + ")");
        }
        return columns;
    }

    /**
     * GIAS publishes Windows-1252. A byte-order mark means UTF-8 ("CSV UTF-8" from Excel); so does text
     * that decodes as UTF-8 without error, which Windows-1252 with any accented letter practically never does.
     */
    static String decode(byte[] content) {
        if (startsWith(content, UTF8_BOM)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1252);
        }
    }

    /** Text files have no NUL bytes; images, PDFs and zips nearly always do early on. */
    private static boolean looksBinary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String cell(List<String> cells, Integer index) {
        String value = index == null || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
        return value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
