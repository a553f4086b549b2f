package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.banks.BankModel.Audience;
import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.Rating;
import org.assure.banks.BankModel.Section;
import org.assure.banks.BankModel.Version;
import org.assure.kernel.SheetText;
import org.assure.kernel.XlsxReader;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A version as an Excel workbook, for authors who would rather not write YAML, and back again.
 *
 * <p>Reading does not repeat the bank rules. The sheets are turned into the YAML of a version file,
 * noting which lines each sheet row became; that file goes through {@link BankLoader} beside the
 * bank's other versions and the scales, exactly as a committed file would; and each problem's line is
 * traced back to its sheet and row. Only what YAML cannot have (a missing sheet or column, a file that
 * is not a workbook, a row naming a section the Sections sheet lacks) is reported here directly.
 */
public final class BankWorkbook {
    public static final String VERSION = "Version";
    public static final String SCALE = "Scale";
    public static final String SOURCES = "Sources";
    public static final String SECTIONS = "Sections";
    public static final String QUESTIONS = "Questions";
    static final int MAX_ROWS = 5_000;
    /** Reading is streamed (kernel.XlsxReader): at most {@link #MAX_ROWS} non-blank rows a sheet, its heading row included. */
    private static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(20, MAX_ROWS, 100, 500_000);
    private static final List<String> SHEET_ORDER = List.of(VERSION, SCALE, SECTIONS, QUESTIONS, SOURCES);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** A column of a sheet: its heading, the YAML field it becomes, its width in characters. */
    private record Column(String heading, String field, int width) {
    }

    /** The Version sheet's rows: field, YAML field, a note for authors. */
    private record Field(String label, String field, String note) {
    }

    private static final List<Column> VERSION_COLUMNS = List.of(new Column("Field", "field", 22), new Column("Value", "value", 60),
            new Column("Notes", "notes", 70));
    private static final List<Field> VERSION_FIELDS = List.of(
            new Field("Bank", "bank", "Lower-case letters, digits and hyphens, like section-175. A key not used before starts a new bank."),
            new Field("Title", "title", "The name of the audit as organisations see it."),
            new Field("Version", "version", "The version label, usually a year; the file is named after it. A version an audit cycle has used cannot change: give changes a new label."),
            new Field("Guidance", "guidance", "The edition of statutory guidance this version follows."),
            new Field("Effective from", "effective-from", "A date, like 2025-09-01. Versions of a bank are ordered by it."),
            new Field("Audience kinds", "kinds", "AGENCY and/or SCHOOL, separated by commas."),
            new Field("Audience categories", "categories", "Schools only; blank for all: " + String.join(", ", sorted(AudienceNames.CATEGORIES)) + "."),
            new Field("Audience sectors", "sectors", "Agencies only; blank for all: " + String.join(", ", sorted(AudienceNames.SECTORS)) + "."),
            new Field("Scale", "scale", "The name of a shared rating scale, like rag. Leave blank to use the ratings on the Scale sheet."),
            new Field("Notes", "notes", "Optional: what this version follows and what is in force on its date."));
    private static final List<Column> SOURCE_COLUMNS = List.of(new Column("Cite as", "cite-as", 24), new Column("Title", "title", 60),
            new Column("Edition", "edition", 40), new Column("Numbered paragraphs", "numbered-paragraphs", 20));
    private static final List<Column> SCALE_COLUMNS = List.of(new Column("Code", "code", 12), new Column("Label", "label", 20),
            new Column("Description", "description", 40), new Column("Colour", "colour", 10), new Column("Compliant", "compliant", 11),
            new Column("Evidence", "evidence", 11), new Column("Action", "action", 9), new Column("Not applicable", "not-applicable", 15),
            new Column("Reason", "reason", 10));
    private static final List<Column> SECTION_COLUMNS = List.of(new Column("Key", "key", 26), new Column("Title", "title", 45),
            new Column("Intro", "intro", 70), new Column("Applies to kinds", "kinds", 18),
            new Column("Applies to categories", "categories", 24), new Column("Applies to sectors", "sectors", 24));
    private static final List<Column> QUESTION_COLUMNS = List.of(new Column("Section", "section", 22), new Column("Key", "key", 30),
            new Column("Text", "text", 60), new Column("Hint", "hint", 40), new Column("Guidance", "guidance", 50),
            new Column("Evidence examples", "evidence-examples", 40), new Column("Type", "type", 15), new Column("Required", "required", 10),
            new Column("Evidence prompt", "evidence-prompt", 40), new Column("References", "references", 35),
            new Column("Replaces", "replaces", 25), new Column("Split from", "split-from", 25),
            new Column("Show when question", "show-when-question", 25), new Column("Show when equals", "show-when-equals", 18),
            new Column("Options", "options", 35), new Column("Applies to kinds", "kinds", 18),
            new Column("Applies to categories", "categories", 24), new Column("Applies to sectors", "sectors", 24),
            new Column("Carry forward", "carry-forward", 14), new Column("Not applicable allowed", "not-applicable", 14),
            new Column("Local expectation", "local-expectation", 14));

    private BankWorkbook() {
    }

    /** One thing wrong with an uploaded workbook, where its author finds it; row 0 means the sheet as a whole. */
    public record SheetProblem(String sheet, int row, String message) {
        public String where() {
            if (sheet.isEmpty()) {
                return "The file";
            }
            return row > 0 ? sheet + " row " + row : sheet + " sheet";
        }

        @Override
        public String toString() {
            return where() + ": " + message;
        }
    }

    /** What an uploaded workbook became: the version and the YAML file to commit, or every problem that stops it. */
    public record Import(@Nullable Version version, @Nullable String yaml, List<SheetProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ export

    public static byte[] export(Version version) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            versionSheet(workbook, styles, version);
            scaleSheet(workbook, styles, version);
            sectionsSheet(workbook, styles, version);
            questionsSheet(workbook, styles, version);
            sourcesSheet(workbook, styles, version);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void versionSheet(XSSFWorkbook workbook, Styles styles, Version v) {
        Sheet sheet = table(workbook, styles, VERSION, VERSION_COLUMNS, 1);
        Audience a = v.audience();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bank", v.bank());
        values.put("title", v.title());
        values.put("version", v.version());
        values.put("guidance", v.guidance());
        values.put("effective-from", v.effectiveFrom());
        values.put("kinds", String.join(", ", a.kinds()));
        values.put("categories", String.join(", ", a.categories()));
        values.put("sectors", String.join(", ", a.sectors()));
        values.put("scale", v.scale().name() == null ? "" : v.scale().name());
        values.put("notes", v.notes());
        int r = 1;
        for (Field f : VERSION_FIELDS) {
            Row row = sheet.createRow(r++);
            cell(row, 0, f.label(), styles.bold);
            Object value = values.get(f.field());
            if (value instanceof java.time.LocalDate date) {
                Cell cell = row.createCell(1);
                cell.setCellValue(date);
                cell.setCellStyle(styles.date);
            } else {
                cell(row, 1, (String) value, styles.text);
            }
            cell(row, 2, f.note(), styles.note);
        }
    }

    private static void scaleSheet(XSSFWorkbook workbook, Styles styles, Version v) {
        XSSFSheet sheet = (XSSFSheet) table(workbook, styles, SCALE, SCALE_COLUMNS, 1);
        int r = 1;
        for (Rating rating : v.scale().ratings()) {
            row(sheet, r++, styles, rating.code(), rating.label(), rating.description(), rating.colour(), yesNo(rating.compliant()),
                    rating.evidence().yaml(), yesNo(rating.action()), yesNo(rating.notApplicable()), rating.reason().yaml());
        }
        if (v.scale().name() != null) {
            sheet.setTabColor(new org.apache.poi.xssf.usermodel.XSSFColor(new byte[]{(byte) 0xb1, (byte) 0xb4, (byte) 0xb6}, null));
            Row note = sheet.createRow(r + 1);
            cell(note, 0, "For reference only: this version uses the shared scale “" + v.scale().name() + "” named on the Version "
                    + "sheet, so this sheet is not read. To give the version ratings of its own, clear Scale on the Version sheet "
                    + "and delete this note.", styles.note);
        }
    }

    private static void sourcesSheet(XSSFWorkbook workbook, Styles styles, Version v) {
        Sheet sheet = table(workbook, styles, SOURCES, SOURCE_COLUMNS, 1);
        int r = 1;
        for (BankModel.Source source : v.sources()) {
            row(sheet, r++, styles, source.citeAs(), source.title(), source.edition(), yesNo(source.numberedParagraphs()));
        }
    }

    private static void sectionsSheet(XSSFWorkbook workbook, Styles styles, Version v) {
        Sheet sheet = table(workbook, styles, SECTIONS, SECTION_COLUMNS, 1);
        int r = 1;
        for (Section s : v.sections()) {
            Audience to = s.appliesTo();
            row(sheet, r++, styles, s.key(), s.title(), s.intro(), to == null ? null : String.join(", ", to.kinds()),
                    to == null ? null : String.join(", ", to.categories()), to == null ? null : String.join(", ", to.sectors()));
        }
    }

    private static void questionsSheet(XSSFWorkbook workbook, Styles styles, Version v) {
        Sheet sheet = table(workbook, styles, QUESTIONS, QUESTION_COLUMNS, 2);
        int r = 1;
        for (Section s : v.sections()) {
            for (Question q : s.questions()) {
                row(sheet, r++, styles, s.key(), q.key(), q.text(), q.hint(), q.guidance(), String.join("\n", q.evidenceExamples()),
                        q.type().yaml(), yesNo(q.required()), q.evidencePrompt(), String.join("\n", q.references()),
                        String.join(", ", q.replaces()), q.splitFrom(), q.showWhen() == null ? null : q.showWhen().question(),
                        q.showWhen() == null ? null : String.join(", ", q.showWhen().equals()),
                        q.options().stream().map(o -> o.code() + ": " + o.label()).collect(Collectors.joining("\n")),
                        q.appliesTo() == null ? null : String.join(", ", q.appliesTo().kinds()),
                        q.appliesTo() == null ? null : String.join(", ", q.appliesTo().categories()),
                        q.appliesTo() == null ? null : String.join(", ", q.appliesTo().sectors()),
                        yesNo(q.carryForward()), q.type() == BankModel.QuestionType.RATING ? yesNo(q.notApplicableAllowed()) : null,
                        yesNo(q.localExpectation()));
            }
        }
    }

    private static Sheet table(XSSFWorkbook workbook, Styles styles, String name, List<Column> columns, int frozenColumns) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            cell(header, i, columns.get(i).heading(), styles.header);
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        sheet.createFreezePane(frozenColumns, 1);
        return sheet;
    }

    private static void row(Sheet sheet, int r, Styles styles, String... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            cell(row, i, values[i], styles.text);
        }
    }

    private static void cell(Row row, int column, @Nullable String value, CellStyle style) {
        Cell cell = row.createCell(column);
        SheetText.set(cell, value);
        cell.setCellStyle(style);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle bold;
        final CellStyle text;
        final CellStyle date;
        final CellStyle note;

        Styles(XSSFWorkbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font italic = workbook.createFont();
            italic.setItalic(true);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            // Text, so a spreadsheet never turns "2025" into a number or "1-2" into a date.
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            bold = workbook.createCellStyle();
            bold.cloneStyleFrom(text);
            bold.setFont(boldFont);
            date = workbook.createCellStyle();
            date.setVerticalAlignment(VerticalAlignment.TOP);
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            note = workbook.createCellStyle();
            note.cloneStyleFrom(text);
            note.setFont(italic);
        }
    }

    // ------------------------------------------------------------------------------------------ import

    /**
     * Reads an uploaded workbook as a version of its bank. {@code library} is the bank files in use (the
     * scales and every version): the upload is checked beside the other versions of its bank, replacing
     * the version with its label if there is one, so lineage and effective dates are checked as well.
     */
    public static Import read(byte[] content, List<BankFile> library) {
        if (startsWith(content, OLE2)) {
            return refused("the file is an old Excel (.xls) workbook: save it as .xlsx and upload that");
        }
        if (!startsWith(content, ZIP)) {
            return refused("the file is not an Excel (.xlsx) workbook");
        }
        Sheets sheets = new Sheets();
        try {
            XlsxReader.read(content, LIMITS, sheets);
        } catch (XlsxReader.Refused e) {
            return refused(e.sentence("the file"));
        }
        return new Reading(sheets).read(library);
    }

    private static Import refused(String message) {
        return new Import(null, null, List.of(new SheetProblem("", 0, message)));
    }

    /** A sheet row, or with row 0 a whole sheet. */
    private record Place(String sheet, int row) {
    }

    /** Where a sheet row's content landed in the generated YAML: lines first to last, 1-based. */
    private record Range(int first, int last, Place where) {
        boolean contains(int line) {
            return line >= first && line <= last;
        }
    }

    /** An uploaded workbook's non-blank rows, each sheet's by row number, kept in the order of the file. */
    private static final class Sheets implements XlsxReader.Rows {
        final List<String> names = new ArrayList<>();
        final Map<String, Map<Integer, List<String>>> byName = new LinkedHashMap<>();

        @Override
        public boolean wants(int index, String name) {
            names.add(name);
            return SHEET_ORDER.stream().anyMatch(name::equalsIgnoreCase);
        }

        @Override
        public void row(String sheet, int row, List<String> cells) {
            byName.computeIfAbsent(sheet.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>()).put(row, cells);
        }

        /** Sheet names are matched as a spreadsheet program does, ignoring case; null when there is no such sheet. */
        @Nullable Map<Integer, List<String>> rows(String name) {
            if (names.stream().noneMatch(name::equalsIgnoreCase)) {
                return null;
            }
            return byName.getOrDefault(name.toLowerCase(Locale.ROOT), Map.of());
        }
    }

    /** One sheet as header-named cells, by Excel row number. */
    private record Table(String sheet, Map<Integer, Map<String, String>> rows) {
    }

    /** One upload being read: the problems found so far and where each sheet row went. */
    private static final class Reading {
        /** Put before the generated YAML so the version's own mapping starts on line 1, alone: see {@link #where}. */
        private static final String PREFIX = "--- !!map\n";
        private final Sheets workbook;
        private final Set<SheetProblem> problems = new LinkedHashSet<>();
        private final Map<String, Place> versionRows = new LinkedHashMap<>();
        private final List<Place> ratingRows = new ArrayList<>();
        private final List<Place> sourceRows = new ArrayList<>();
        private final List<Place> sectionRows = new ArrayList<>();
        private final List<List<Place>> questionRows = new ArrayList<>();

        Reading(Sheets workbook) {
            this.workbook = workbook;
        }

        Import read(List<BankFile> library) {
            Table version = table(VERSION, VERSION_COLUMNS, Set.of("field", "value"));
            Table sections = table(SECTIONS, SECTION_COLUMNS, Set.of("key", "title"));
            Table questions = table(QUESTIONS, QUESTION_COLUMNS, Set.of("section", "key", "text", "type"));
            if (version == null || sections == null || questions == null) {
                return done(null, null);
            }
            Map<String, String> fields = versionFields(version);
            YamlTree.Fields root = new YamlTree.Fields(0);
            for (String name : List.of("bank", "title", "version", "guidance", "effective-from")) {
                if (fields.containsKey(name)) {
                    root.text(name, fields.get(name));
                }
            }
            if (fields.containsKey("kinds") || fields.containsKey("categories") || fields.containsKey("sectors")) {
                root.put("audience", audience(2, fields.get("kinds"), fields.get("categories"), fields.get("sectors")));
            }
            String scaleName = fields.getOrDefault("scale", "");
            if (!scaleName.isEmpty()) {
                root.put("scale", YamlTree.scalar(scaleName, false));
            } else {
                Table scale = table(SCALE, SCALE_COLUMNS, Set.of("code", "label", "colour"));
                if (scale == null) {
                    problems.add(new SheetProblem(VERSION, 0, "there is no Scale sheet: name a shared scale in the Scale row "
                            + "of the Version sheet, or add a Scale sheet with the ratings"));
                    return done(null, null);
                }
                root.put("scale", ratings(scale));
            }
            if (fields.containsKey("notes")) {
                root.text("notes", fields.get("notes"));
            }
            Table sources = workbook.rows(SOURCES) == null ? null : table(SOURCES, SOURCE_COLUMNS, Set.of("cite-as", "title"));
            if (sources != null && !sources.rows().isEmpty()) {
                root.put("sources", sources(sources));
            }
            root.put("sections", sections(sections, questions));

            String bank = fields.getOrDefault("bank", "");
            String label = fields.getOrDefault("version", "");
            if (bank.equals("scales")) {
                problems.add(new SheetProblem(VERSION, versionRows.get("bank").row(), "'scales' is not available as a bank key: choose another"));
            }
            if (!label.isEmpty() && !BankLoader.VERSION_LABEL.matcher(label).matches()) {
                problems.add(new SheetProblem(VERSION, versionRows.get("version").row(), "'" + label
                        + "' is not a usable version label: use letters, digits, dots, hyphens and underscores"));
            }
            String folder = BankFileReader.KEY.matcher(bank).matches() && !bank.equals("scales") ? bank : "draft";
            String path = folder + "/" + (BankLoader.VERSION_LABEL.matcher(label).matches() ? label : "draft") + ".yaml";
            String yaml = PREFIX + YamlTree.emit(root.node());
            List<Range> ranges = ranges(yaml);
            List<BankFile> files = BankFiles.beside(library, new BankFile(path, yaml.getBytes(StandardCharsets.UTF_8)));
            try {
                LoadedBanks loaded = BankLoader.load(files);
                if (!problems.isEmpty()) {
                    return done(null, null);
                }
                Version read = loaded.find(bank, label).orElseThrow().version();
                return done(read, BankYamlWriter.write(read));
            } catch (BankException e) {
                String draftFile = new BankFile(path, new byte[0]).displayPath();
                for (BankProblem p : e.problems()) {
                    if (!p.file().equals(draftFile)) {
                        problems.add(new SheetProblem("", 0, "another version of the bank no longer checks with this one: " + p));
                    } else if (!p.message().contains("but is in the folder") && !p.message().contains("but is named")) {
                        // Those two compare the file's name with its content; the workbook has no file name to get wrong.
                        Place at = where(ranges, p.line());
                        problems.add(new SheetProblem(at.sheet(), at.row(), p.message()));
                    }
                }
                return done(null, null);
            }
        }

        private Import done(@Nullable Version version, @Nullable String yaml) {
            List<SheetProblem> sorted = problems.stream()
                    .sorted(Comparator.comparingInt((SheetProblem p) -> p.sheet().isEmpty() ? -1 : SHEET_ORDER.indexOf(p.sheet()))
                            .thenComparingInt(SheetProblem::row))
                    .toList();
            return sorted.isEmpty() ? new Import(version, yaml, List.of()) : new Import(null, null, sorted);
        }

        private Map<String, String> versionFields(Table version) {
            Map<String, Field> byLabel = new LinkedHashMap<>();
            VERSION_FIELDS.forEach(f -> {
                byLabel.put(normal(f.label()), f);
                byLabel.put(normal(f.field()), f);
            });
            Map<String, String> fields = new LinkedHashMap<>();
            version.rows().forEach((row, cells) -> {
                String label = cells.getOrDefault("field", "");
                Field field = byLabel.get(normal(label));
                if (label.isEmpty()) {
                    problems.add(new SheetProblem(VERSION, row, "the Field column is blank: say which field the value is for"));
                } else if (field == null) {
                    problems.add(new SheetProblem(VERSION, row, "unknown field '" + label + "' (the fields are: "
                            + VERSION_FIELDS.stream().map(Field::label).collect(Collectors.joining(", ")) + ")"));
                } else if (fields.containsKey(field.field())) {
                    problems.add(new SheetProblem(VERSION, row, "'" + field.label() + "' is given twice"));
                } else {
                    fields.put(field.field(), cells.getOrDefault("value", ""));
                    versionRows.put(field.field(), new Place(VERSION, row));
                }
            });
            return fields;
        }

        private Node ratings(Table scale) {
            List<Node> ratings = new ArrayList<>();
            scale.rows().forEach((row, cells) -> {
                YamlTree.Fields rating = new YamlTree.Fields(4);
                for (Column c : SCALE_COLUMNS) {
                    String value = cells.getOrDefault(c.field(), "");
                    rating.text(c.field(), Set.of("evidence", "reason").contains(c.field()) ? value.toLowerCase(Locale.ROOT) : value);
                }
                ratings.add(rating.node());
                ratingRows.add(new Place(SCALE, row));
            });
            return YamlTree.sequence(ratings);
        }

        private Node sources(Table sources) {
            List<Node> list = new ArrayList<>();
            sources.rows().forEach((row, cells) -> {
                YamlTree.Fields source = new YamlTree.Fields(4);
                SOURCE_COLUMNS.forEach(c -> source.text(c.field(), cells.get(c.field())));
                list.add(source.node());
                sourceRows.add(new Place(SOURCES, row));
            });
            return YamlTree.sequence(list);
        }

        private Node sections(Table sections, Table questions) {
            Map<String, List<Integer>> questionsOf = new LinkedHashMap<>();
            sections.rows().forEach((row, cells) -> {
                String key = cells.getOrDefault("key", "");
                if (key.isEmpty()) {
                    problems.add(new SheetProblem(SECTIONS, row, "the section key is blank"));
                } else {
                    questionsOf.putIfAbsent(key, new ArrayList<>());
                }
            });
            questions.rows().forEach((row, cells) -> {
                String section = cells.getOrDefault("section", "");
                if (section.isEmpty()) {
                    problems.add(new SheetProblem(QUESTIONS, row, "the Section column is blank: give the key of a section on the Sections sheet"));
                } else if (!questionsOf.containsKey(section)) {
                    problems.add(new SheetProblem(QUESTIONS, row, "section '" + section + "' is not on the Sections sheet"));
                } else if (cells.getOrDefault("key", "").isEmpty()) {
                    problems.add(new SheetProblem(QUESTIONS, row, "the question key is blank"));
                } else {
                    questionsOf.get(section).add(row);
                }
            });
            List<Node> list = new ArrayList<>();
            sections.rows().forEach((row, cells) -> {
                String key = cells.getOrDefault("key", "");
                if (key.isEmpty()) {
                    return;
                }
                YamlTree.Fields section = new YamlTree.Fields(4).text("key", key).text("title", cells.get("title")).text("intro", cells.get("intro"));
                if (!cells.getOrDefault("kinds", "").isEmpty() || !cells.getOrDefault("categories", "").isEmpty()
                        || !cells.getOrDefault("sectors", "").isEmpty()) {
                    section.put("applies-to", audience(6, cells.get("kinds"), cells.get("categories"), cells.get("sectors")));
                }
                List<Node> items = new ArrayList<>();
                List<Place> rows = new ArrayList<>();
                // A second section row with a key already used still becomes a section, so the loader names the duplicate.
                List<Integer> mine = questionsOf.getOrDefault(key, List.of());
                questionsOf.put(key, List.of());
                for (int q : mine) {
                    items.add(question(questions, q));
                    rows.add(new Place(QUESTIONS, q));
                }
                section.put("questions", YamlTree.sequence(items));
                list.add(section.node());
                sectionRows.add(new Place(SECTIONS, row));
                questionRows.add(rows);
            });
            return YamlTree.sequence(list);
        }

        private Node question(Table questions, int row) {
            Map<String, String> cells = questions.rows().get(row);
            YamlTree.Fields q = new YamlTree.Fields(8)
                    .text("key", cells.get("key"))
                    .text("text", cells.get("text"))
                    .text("hint", cells.get("hint"))
                    .text("guidance", cells.get("guidance"))
                    .blockList("evidence-examples", lines(cells.get("evidence-examples")))
                    .text("type", cells.getOrDefault("type", "").toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-'))
                    .text("required", cells.get("required"))
                    .text("evidence-prompt", cells.get("evidence-prompt"))
                    .list("references", lines(cells.get("references")))
                    .flowList("replaces", items(cells.get("replaces")))
                    .text("split-from", cells.get("split-from"));
            String on = cells.getOrDefault("show-when-question", "");
            String equals = cells.getOrDefault("show-when-equals", "");
            if (!on.isEmpty() || !equals.isEmpty()) {
                q.put("show-when", new YamlTree.Fields(10).text("question", on).flowList("equals", items(equals)).node());
            }
            List<Node> options = new ArrayList<>();
            for (String line : lines(cells.get("options"))) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    problems.add(new SheetProblem(QUESTIONS, row, "option '" + line + "' must be written as CODE: label, one a line"));
                } else {
                    options.add(new YamlTree.Fields(12).text("code", line.substring(0, colon).strip())
                            .text("label", line.substring(colon + 1).strip()).node());
                }
            }
            if (!options.isEmpty()) {
                q.put("options", YamlTree.sequence(options));
            }
            if (!cells.getOrDefault("kinds", "").isEmpty() || !cells.getOrDefault("categories", "").isEmpty()
                    || !cells.getOrDefault("sectors", "").isEmpty()) {
                q.put("applies-to", audience(10, cells.get("kinds"), cells.get("categories"), cells.get("sectors")));
            }
            q.text("carry-forward", cells.get("carry-forward"))
                    .text("not-applicable", cells.get("not-applicable"))
                    .text("local-expectation", cells.get("local-expectation"));
            return q.node();
        }

        private static MappingNode audience(int indent, @Nullable String kinds, @Nullable String categories, @Nullable String sectors) {
            return new YamlTree.Fields(indent).flowList("kinds", items(kinds)).flowList("categories", items(categories))
                    .flowList("sectors", items(sectors)).node();
        }

        /** A sheet's rows by column, or null (and a problem) when the sheet or a column it needs is missing. */
        private @Nullable Table table(String name, List<Column> columns, Set<String> required) {
            Map<Integer, List<String>> sheet = workbook.rows(name);
            if (sheet == null) {
                problems.add(new SheetProblem("", 0, "the workbook has no " + name + " sheet (its sheets are: "
                        + sheetNames() + "); download a version to see the layout"));
                return null;
            }
            Map.Entry<Integer, List<String>> header = sheet.entrySet().stream().findFirst().orElse(null);
            Map<Integer, String> fieldAt = new LinkedHashMap<>();
            Map<String, String> byHeading = new LinkedHashMap<>();
            columns.forEach(c -> {
                byHeading.put(normal(c.heading()), c.field());
                byHeading.put(normal(c.field()), c.field());
            });
            if (header != null) {
                List<String> headings = header.getValue();
                for (int column = 0; column < headings.size(); column++) {
                    String heading = text(headings.get(column));
                    if (heading.isEmpty()) {
                        continue;
                    }
                    String field = byHeading.get(normal(heading));
                    if (field == null) {
                        problems.add(new SheetProblem(name, header.getKey(), "unknown column '" + heading + "' (the columns are: "
                                + columns.stream().map(Column::heading).collect(Collectors.joining(", ")) + ")"));
                    } else if (fieldAt.containsValue(field)) {
                        problems.add(new SheetProblem(name, header.getKey(), "the column '" + heading + "' appears twice"));
                    } else {
                        fieldAt.put(column, field);
                    }
                }
            }
            List<String> missing = columns.stream().filter(c -> required.contains(c.field()) && !fieldAt.containsValue(c.field()))
                    .map(Column::heading).toList();
            if (!missing.isEmpty()) {
                problems.add(new SheetProblem(name, 0, "the first row must be the column headings, and these are missing: "
                        + String.join(", ", missing)));
                return null;
            }
            Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
            for (Map.Entry<Integer, List<String>> row : sheet.entrySet()) {
                if (row.getKey() <= header.getKey()) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                fieldAt.forEach((column, field) -> {
                    String value = column < row.getValue().size() ? text(row.getValue().get(column)) : "";
                    if (!value.isEmpty()) {
                        cells.put(field, value);
                    }
                });
                if (cells.isEmpty()) {
                    continue;
                }
                rows.put(row.getKey(), cells);
            }
            return new Table(name, rows);
        }

        private String sheetNames() {
            return workbook.names.isEmpty() ? "none" : String.join(", ", workbook.names);
        }

        /**
         * A cell as its author sees it (the reader gives dates as 2025-09-01 whatever their format), line
         * breaks as \n, without the apostrophe our download put before text a spreadsheet could take for a
         * formula (kernel.SheetText); a true/false cell as "true"/"false".
         */
        private static String text(@Nullable String cell) {
            if (cell == null) {
                return "";
            }
            String value = SheetText.unescape(cell).replace("\r\n", "\n").replace('\r', '\n').strip();
            return value.equals("TRUE") || value.equals("FALSE") ? value.toLowerCase(Locale.ROOT) : value;
        }

        /**
         * The sheet row a problem's line came from: the narrowest range holding the line. Line 1 is
         * {@link #PREFIX}, where the version's mapping starts, so problems with the version as a whole
         * (a missing field, a clash of dates) go to the Version sheet rather than to whatever came first.
         */
        private static Place where(List<Range> ranges, int line) {
            return ranges.stream().filter(r -> line > 1 && r.contains(line))
                    .min(Comparator.comparingInt(r -> r.last() - r.first()))
                    .map(Range::where).orElse(new Place(VERSION, 0));
        }

        private List<Range> ranges(String yaml) {
            List<Range> ranges = new ArrayList<>();
            Node root = new Yaml().compose(new StringReader(yaml));
            if (!(root instanceof MappingNode mapping)) {
                return ranges;
            }
            for (NodeTuple t : mapping.getValue()) {
                String name = ((ScalarNode) t.getKeyNode()).getValue();
                Node value = t.getValueNode();
                switch (name) {
                    case "audience" -> {
                        for (NodeTuple a : ((MappingNode) value).getValue()) {
                            add(ranges, a.getKeyNode(), a.getValueNode(), versionRows.get(((ScalarNode) a.getKeyNode()).getValue()));
                        }
                    }
                    case "scale" -> {
                        add(ranges, t.getKeyNode(), value, versionRows.getOrDefault("scale", new Place(SCALE, 0)));
                        if (value instanceof SequenceNode ratings) {
                            for (int i = 0; i < ratings.getValue().size(); i++) {
                                add(ranges, ratings.getValue().get(i), ratings.getValue().get(i), ratingRows.get(i));
                            }
                        }
                    }
                    case "sources" -> {
                        List<Node> items = ((SequenceNode) value).getValue();
                        for (int i = 0; i < items.size(); i++) {
                            add(ranges, items.get(i), items.get(i), sourceRows.get(i));
                        }
                    }
                    case "sections" -> {
                        List<Node> sections = ((SequenceNode) value).getValue();
                        for (int i = 0; i < sections.size(); i++) {
                            add(ranges, sections.get(i), sections.get(i), sectionRows.get(i));
                            if (YamlTree.value(sections.get(i), "questions") instanceof SequenceNode questions) {
                                for (int j = 0; j < questions.getValue().size(); j++) {
                                    Node q = questions.getValue().get(j);
                                    add(ranges, q, q, questionRows.get(i).get(j));
                                }
                            }
                        }
                    }
                    default -> add(ranges, t.getKeyNode(), value, versionRows.get(name));
                }
            }
            return ranges;
        }

        private static void add(List<Range> ranges, Node from, Node to, @Nullable Place where) {
            if (where != null) {
                Mark end = to.getEndMark();
                int last = end.getColumn() == 0 ? end.getLine() : end.getLine() + 1;
                ranges.add(new Range(from.getStartMark().getLine() + 1, Math.max(last, from.getStartMark().getLine() + 1), where));
            }
        }
    }

    private static List<String> lines(@Nullable String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> items(@Nullable String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split("[,\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String normal(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
