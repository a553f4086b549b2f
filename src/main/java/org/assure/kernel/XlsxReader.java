package org.assure.kernel;

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
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the cell text of an uploaded .xlsx without letting the file decide how much memory or time that
 * takes (doc/adr/0023). Every upload of a workbook goes through here.
 *
 * <ol>
 *   <li>Before anything parses it, every entry of the zip is inflated and counted (the central
 *       directory's, so entries that overlap are each counted): a file with too many entries, or whose
 *       parts inflate beyond the limits below, is refused, whatever its headers claim.</li>
 *   <li>Sheets are then read as a stream of SAX events (POI's {@link XSSFSheetXMLHandler}), never as a
 *       workbook object, so memory grows with the shared strings and styles (both capped) and what the
 *       caller keeps, not with the sheets. Limits on sheets, rows, columns and cells stop the reading as
 *       soon as one is passed.</li>
 *   <li>Formulas are never evaluated: a formula cell reads as the value the spreadsheet program saved
 *       with it, or blank if it saved none.</li>
 * </ol>
 */
public final class XlsxReader {
    static final int MAX_ENTRIES = 1_000;
    static final long MAX_UNCOMPRESSED = 100L * 1024 * 1024;
    static final long MAX_SHARED_STRINGS = 10L * 1024 * 1024;
    /** Parts read whole into memory (workbook, styles, relationships, content types) rather than streamed. */
    static final long MAX_WHOLE_PART = 5L * 1024 * 1024;
    /** Excel's own limit on the characters in a cell. */
    static final int MAX_CELL_CHARS = 32_767;

    /**
     * How much of a workbook a caller will read: sheets in the file, non-blank rows in each sheet read,
     * the highest column a value may be in, and cells (with a value) in all the sheets read.
     */
    public record Limits(int sheets, int rowsPerSheet, int columns, long cells) {
    }

    /** What the caller does with the rows. */
    public interface Rows {
        /** Whether to read the sheet at this position (from 0) with this name; the others are skipped. */
        boolean wants(int index, String name);

        /**
         * One non-blank row: its number as a spreadsheet shows it (from 1) and its cells' text by
         * column, "" where there is none, up to the last column with a value.
         */
        void row(String sheet, int row, List<String> cells) throws Refused;
    }

    /** Why a workbook is not read: a phrase to follow "The selected file", e.g. "has more than 20 sheets". */
    public static final class Refused extends Exception {
        public Refused(String problem) {
            super(problem, null, false, false);
        }

        /** The whole sentence, after {@code subject} ("The selected file"). */
        public String sentence(String subject) {
            return subject + " " + getMessage();
        }
    }

    private XlsxReader() {
    }

    public static void read(byte[] content, Limits limits, Rows rows) throws Refused {
        Path file = null;
        try {
            // A file, not a stream: POI then opens the zip by its central directory and reads parts on
            // demand; from a stream it would hold every inflated part in memory at once.
            file = Files.createTempFile("assure-upload-", ".xlsx");
            Files.write(file, content);
            checkEntries(file);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                readSheets(pkg, limits, rows);
            }
        } catch (Refused e) {
            throw e;
        } catch (Exception e) {
            // A limit passed inside the SAX callbacks arrives wrapped; anything else means the file is not a workbook.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refused refused) {
                    throw refused;
                }
                if (cause instanceof SAXException sax && sax.getException() instanceof Refused refused) {
                    throw refused;
                }
            }
            throw new Refused("could not be opened as an Excel (.xlsx) workbook");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary folder's own clean-up takes it
                }
            }
        }
    }

    private static void checkEntries(Path file) throws IOException, Refused {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new Refused("has more than " + MAX_ENTRIES + " parts inside it, which no real workbook has");
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                long limit = name.startsWith("xl/worksheets/") ? MAX_UNCOMPRESSED
                        : name.endsWith("sharedstrings.xml") ? MAX_SHARED_STRINGS
                        : name.endsWith(".xml") || name.endsWith(".rels") ? MAX_WHOLE_PART : MAX_UNCOMPRESSED;
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        total += n;
                        if (size > limit || total > MAX_UNCOMPRESSED) {
                            throw new Refused("holds more than " + megabytes(size > limit ? limit : MAX_UNCOMPRESSED)
                                    + " of data once unzipped" + (size > limit ? " in one part (" + entry.getName() + ")" : "")
                                    + ": save only the sheets and columns needed, without formatting, and upload that");
                        }
                    }
                }
            }
        }
    }

    private static void readSheets(OPCPackage pkg, Limits limits, Rows rows) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        long[] cells = {0};
        int index = 0;
        while (sheets.hasNext()) {
            try (InputStream sheet = sheets.next()) {
                if (index == limits.sheets()) {
                    throw new Refused("has more than " + limits.sheets() + " sheets");
                }
                String name = sheets.getSheetName();
                if (rows.wants(index, name)) {
                    SheetRows contents = new SheetRows(name, limits, rows, cells);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new Guard(new XSSFSheetXMLHandler(styles, null, strings, contents, new IsoDates(), false)));
                    parser.parse(new InputSource(sheet));
                    contents.flush();
                }
                index++;
            }
        }
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    /** Collects one row's cells and hands the row on, counting rows and cells against the limits. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        private final Limits limits;
        private final Rows rows;
        private final long[] cells;
        private final List<String> current = new ArrayList<>();
        private int rowNumber = -1;
        private int nonBlankRows;

        SheetRows(String sheet, Limits limits, Rows rows, long[] cells) {
            this.sheet = sheet;
            this.limits = limits;
            this.rows = rows;
            this.cells = cells;
        }

        @Override
        public void startRow(int rowNum) {
            current.clear();
            rowNumber = rowNum;
        }

        @Override
        public void endRow(int rowNum) {
            try {
                flush();
            } catch (Refused e) {
                throw new Stop(e);
            }
        }

        void flush() throws Refused {
            if (rowNumber >= 0 && current.stream().anyMatch(c -> !c.isBlank())) {
                if (++nonBlankRows > limits.rowsPerSheet()) {
                    throw new Refused("has more than " + String.format(Locale.UK, "%,d", limits.rowsPerSheet())
                            + " rows in its " + sheet + " sheet");
                }
                rows.row(sheet, rowNumber + 1, List.copyOf(current));
            }
            current.clear();
            rowNumber = -1;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? current.size() : new CellReference(reference).getCol();
            if (column >= limits.columns()) {
                throw new Stop(new Refused("has a value in column " + CellReference.convertNumToColString(column) + " of its "
                        + sheet + " sheet; only the first " + limits.columns() + " columns are read, so delete the columns after those"));
            }
            if (++cells[0] > limits.cells()) {
                throw new Stop(new Refused("has more than " + String.format(Locale.UK, "%,d", limits.cells()) + " cells with values"));
            }
            while (current.size() < column) {
                current.add("");
            }
            String value = formattedValue == null ? "" : formattedValue;
            if (column < current.size()) {
                current.set(column, value);
            } else {
                current.add(value);
            }
        }
    }

    /** Carries a refusal out of the SAX callbacks, which may not throw checked exceptions of their own. */
    private static final class Stop extends RuntimeException {
        Stop(Refused refused) {
            super(refused);
        }

        Refused refused() {
            return (Refused) getCause();
        }
    }

    /**
     * Passes the sheet's SAX events on, refusing a text longer than a cell can hold before the handler
     * buffers it: a sheet part may legitimately be large, one cell may not.
     */
    private static final class Guard extends DefaultHandler {
        private final DefaultHandler handler;
        private long text;

        Guard(DefaultHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            text = 0;
            try {
                handler.startElement(uri, localName, qName, attributes);
            } catch (Stop stop) {
                throw new SAXException(stop.refused());
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            text = 0;
            try {
                handler.endElement(uri, localName, qName);
            } catch (Stop stop) {
                throw new SAXException(stop.refused());
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            text += length;
            if (text > MAX_CELL_CHARS + 1_000) {
                throw new SAXException(new Refused("has a cell with more than " + String.format(Locale.UK, "%,d", MAX_CELL_CHARS)
                        + " characters, more than a spreadsheet cell can hold"));
            }
            handler.characters(ch, start, length);
        }
    }

    /** Dates read as 2025-09-01 (with the time if it has one) whatever format the cell shows them in. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
                return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
