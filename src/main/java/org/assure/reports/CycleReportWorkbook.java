package org.assure.reports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.banks.BankModel;
import org.assure.kernel.SheetText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A cycle's composite report as a workbook (ADR 0049): the page's {@link CycleReport.Report}, written out a sheet per
 * part, so the workbook can never show a figure the page does not (nor one it suppresses). Counts and percentages are
 * numeric cells, percentages as whole numbers under a "%" header, rounded as the page rounds them; a suppressed figure
 * is the page's text "fewer than N". The anonymised report's {@code Report} carries no organisation's name (its
 * outstanding list is empty and its panels are numbered), and nothing here adds one. A report is a few hundred rows, so
 * XSSF; every text cell goes through {@link SheetText}, since titles and names are typed by people.
 */
final class CycleReportWorkbook {
    static final List<String> SHEETS = List.of("About", "Completion", "Sections", "Questions", "Not met most often", "Breakdowns",
            "Submissions over time", "Panels", "Actions");
    /** The named workbook's last sheet; the anonymised report has no heat map, so its workbook has no such sheet. */
    static final String HEAT_MAP = "Heat map";

    private final CycleReport.Report report;
    private final XSSFWorkbook workbook;
    private final CellStyle bold;

    private CycleReportWorkbook(CycleReport.Report report, XSSFWorkbook workbook) {
        this.report = report;
        this.workbook = workbook;
        Font font = workbook.createFont();
        font.setBold(true);
        this.bold = workbook.createCellStyle();
        this.bold.setFont(font);
    }

    /** The workbook's bytes; {@code generatedAt} as the About sheet says it. */
    static byte[] of(CycleReport.Report report, String generatedAt) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new CycleReportWorkbook(report, workbook).write(generatedAt);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String generatedAt) {
        about(generatedAt);
        completion();
        compliance("Sections", "Section", report.sections());
        compliance("Questions", "Question", report.questions());
        notMet();
        breakdowns();
        timeline();
        panels();
        actions();
        if (report.heatMap() != null) {
            heatMap(report.heatMap());
        }
    }

    private String fewer() {
        return "fewer than " + report.threshold();
    }

    private void about(String generatedAt) {
        Sheet sheet = sheet("About", List.of("Item", "Detail"));
        Lines lines = new Lines(sheet);
        lines.row().text("Report").text(report.anonymised() ? "Anonymised composite report" : "Composite report");
        lines.row().text("Cycle").text(report.cycleName());
        lines.row().text("Question bank").text(report.bankTitle());
        lines.row().text("Deadline").text(report.deadline());
        lines.row().text("Generated at").text(generatedAt);
        if (report.anonymised()) {
            lines.row().text("Threshold").number(report.threshold());
            lines.row().text("Suppression").text("No organisation is named, and any figure drawn from fewer than " + report.threshold()
                    + " organisations is shown as \"" + fewer() + "\", so no organisation can be identified by elimination.");
            if (report.thresholdIgnored() != null) {
                lines.row().text("Threshold asked").text(report.thresholdIgnored());
            }
        }
        lines.row().text("Base").text("Compliance counts the latest submission of each submitted return. Not applicable answers are left out "
                + "of the base of every percentage; the base is shown beside each.");
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    private void completion() {
        Sheet sheet = sheet("Completion", List.of("Figure", "Returns", "% of returns"));
        CycleReport.Completion c = report.completion();
        long all = c.returns().value();
        Lines lines = new Lines(sheet);
        lines.row().text("Returns in the cycle").count(c.returns());
        lines.row().text("Submitted on time").count(c.onTime()).percent(c.onTime(), all);
        lines.row().text("Submitted late").count(c.late()).percent(c.late(), all);
        lines.row().text("Not yet submitted").count(c.outstanding()).percent(c.outstanding(), all);
        lines.row().text("Not yet submitted and past their deadline").count(c.outstandingPastDeadline());
        lines.row().text("Given an extension").count(c.extended());
        // the named report's list, as its page has it; the anonymised Report's list is empty
        if (!report.anonymised() && !c.outstandingOrganisations().isEmpty()) {
            lines.skip();
            lines.heading("Organisations not yet submitted");
            c.outstandingOrganisations().forEach(name -> lines.row().text(name));
        }
        sheet.setColumnWidth(0, 45 * 256);
    }

    private void compliance(String name, String what, List<CycleReport.Row> rows) {
        List<String> headers = new ArrayList<>(List.of(what + " number", what));
        for (BankModel.Rating r : report.inBase()) {
            headers.add(r.label() + " (answers)");
            headers.add(r.label() + " (% of the base)");
        }
        headers.add("Base (answers)");
        headers.add("Not applicable (not in the base)");
        Sheet sheet = sheet(name, headers);
        Lines lines = new Lines(sheet);
        for (CycleReport.Row row : rows) {
            Line line = lines.row().text(row.number()).text(row.title());
            if (row.suppressed()) {
                line.text("Not shown: drawn from " + fewer() + " organisations");
                continue;
            }
            for (CycleReport.Cell cell : row.cells()) {
                if (cell.count().shown()) {
                    line.number(cell.count().value()).number(cell.percent());
                } else {
                    line.text(fewer()).text(fewer());
                }
            }
            line.number(row.base()).number(row.notApplicable());
        }
        sheet.setColumnWidth(1, 60 * 256);
    }

    private void notMet() {
        Sheet sheet = sheet("Not met most often", List.of("Question number", "Question", "Not met (answers)", "Not met (% of the base)", "Base (answers)"));
        Lines lines = new Lines(sheet);
        for (CycleReport.Row q : report.mostNotMet()) {
            lines.row().text(q.number()).text(q.title()).number(q.notMet()).number(q.notMetPercent()).number(q.base());
        }
        if (report.mostNotMet().isEmpty()) {
            lines.row().text("No question was rated as not met" + (report.anonymised() ? " by enough organisations to show" : "") + ".");
        }
        sheet.setColumnWidth(1, 60 * 256);
    }

    private void breakdowns() {
        Sheet sheet = sheet("Breakdowns", List.of("Breakdown", "Group", "Returns", "Submitted", "On time", "On time (% of submitted)",
                "Compliant (answers)", "Compliant (% of the base)", "Base (answers)"));
        Lines lines = new Lines(sheet);
        for (ReportBreakdowns.Breakdown bd : report.breakdowns()) {
            for (ReportBreakdowns.Group g : bd.groups()) {
                Line line = lines.row().text(bd.title()).text(g.label());
                if (g.suppressed()) {
                    line.text("Not shown: " + fewer() + " organisations, or would reveal a group that is");
                    continue;
                }
                line.count(g.returns()).count(g.submitted());
                if (!g.submitted().shown() || !g.onTime().shown()) {
                    line.text("not shown").text("not shown");
                } else if (g.submitted().value() == 0) {
                    line.number(0).text("none submitted");
                } else {
                    line.number(g.onTime().value()).number(g.onTimePercent());
                }
                if (!g.compliant().shown()) {
                    line.text("not shown").text("not shown").text("not shown");
                } else if (g.base() == 0) {
                    line.number(0).text("no answers").number(0);
                } else {
                    line.number(g.compliant().value()).number(g.compliantPercent()).number(g.base());
                }
            }
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 30 * 256);
    }

    private void timeline() {
        ReportTimeline.Timeline t = report.timeline();
        Sheet sheet = sheet("Submissions over time", List.of(t != null && t.weekly() ? "Week from" : "Date", "Submitted", "So far", "% of returns"));
        Lines lines = new Lines(sheet);
        if (t == null) {
            lines.row().text("Not shown: the figures would reveal how many returns were submitted on time and how many late, and one of "
                    + "those is drawn from " + fewer() + " organisations.");
            return;
        }
        for (ReportTimeline.Bucket b : t.buckets()) {
            lines.row().text(b.from()).number(b.submitted()).number(b.cumulative()).number(b.percent());
        }
        if (!t.any()) {
            lines.row().text("No return has been submitted yet.");
        }
        lines.skip();
        lines.row().text("Deadline").text(t.deadlineAxisLabel());
        lines.row().text("Returns in the cycle").number(t.returns());
        sheet.setColumnWidth(0, 20 * 256);
    }

    private void panels() {
        Sheet sheet = sheet("Panels", List.of("Outcome", "Cases", "% of moderated cases"));
        Lines lines = new Lines(sheet);
        for (CycleReport.Outcome o : report.outcomes()) {
            lines.row().text(o.label()).count(o.count()).percent(o.count(), report.moderated());
        }
        lines.skip();
        lines.heading("Panel", "Cases marked", "Pairs of marks", "Exact agreement (%)", "Cohen's kappa", "Kappa in words");
        for (ReportAgreement.PanelAgreement a : report.agreement()) {
            Line line = lines.row().text(a.panel());
            if (a.suppressed()) {
                line.text("Not shown: " + fewer() + " cases");
                continue;
            }
            line.number(a.cases()).number(a.figures().pairs());
            if (a.figures().exact() == null) {
                line.text(a.figures().exactText());
            } else {
                line.number(a.figures().exactPercent());
            }
            // the page's two decimals, as a number
            if (a.figures().kappa() == null) {
                line.text(a.figures().kappaText());
            } else {
                line.decimal(Double.parseDouble(a.figures().kappaText()));
            }
            line.text(a.figures().kappaWords());
        }
        if (report.agreement().isEmpty()) {
            lines.row().text("No panel of this cycle has marks from two markers yet.");
        }
        sheet.setColumnWidth(0, 35 * 256);
    }

    private void actions() {
        Sheet sheet = sheet("Actions", List.of("Figure", "Actions", "% of actions"));
        CycleReport.Delivery d = report.delivery();
        Lines lines = new Lines(sheet);
        lines.row().text("Actions (accepted, not withdrawn)").count(d.actions());
        lines.row().text("Verified").count(d.verified()).percent(d.verified(), d.actions().value());
        lines.row().text("Overdue").count(d.overdue()).percent(d.overdue(), d.actions().value());
        sheet.setColumnWidth(0, 35 * 256);
    }

    /** The named report's heat map, as the page shows it: the lowest-scoring organisations, % met per section. */
    private void heatMap(ReportHeatMap.HeatMap map) {
        List<String> headers = new java.util.ArrayList<>(List.of("Organisation", "Overall (% met)"));
        map.columns().forEach(c -> headers.add(c.number() + ". " + c.title() + " (% met)"));
        Sheet sheet = sheet(HEAT_MAP, headers);
        Lines lines = new Lines(sheet);
        for (ReportHeatMap.Line line : map.lines()) {
            Line row = lines.row().text(line.organisation()).number(line.percent());
            line.cells().forEach(cell -> {
                if (cell.answered()) {
                    row.number(cell.percent());
                } else {
                    row.text("no answers in the base");
                }
            });
        }
        if (map.partial()) {
            lines.skip();
            lines.row().text("The " + map.lines().size() + " organisations with the lowest compliance overall, of " + map.organisations());
        }
        sheet.setColumnWidth(0, 40 * 256);
    }

    private Sheet sheet(String name, List<String> headers) {
        Sheet sheet = workbook.createSheet(name);
        SheetText.header(workbook, sheet, headers, 0);
        return sheet;
    }

    /** The rows of a sheet after its header, written one after another. */
    private final class Lines {
        private final Sheet sheet;
        private int next = 1;

        Lines(Sheet sheet) {
            this.sheet = sheet;
        }

        Line row() {
            return new Line(sheet.createRow(next++));
        }

        void skip() {
            next++;
        }

        /** A second table's header inside a sheet, bold like the first. */
        void heading(String... names) {
            Line line = row();
            for (String name : names) {
                line.text(name);
                line.row.getCell(line.column - 1).setCellStyle(bold);
            }
        }
    }

    /** One row's cells, left to right. */
    private final class Line {
        private final Row row;
        private int column;

        Line(Row row) {
            this.row = row;
        }

        Line text(String value) {
            SheetText.set(row.createCell(column++), value);
            return this;
        }

        Line number(long value) {
            row.createCell(column++).setCellValue(value);
            return this;
        }

        Line decimal(double value) {
            row.createCell(column++).setCellValue(value);
            return this;
        }

        /** A count, or "fewer than N" where the page suppresses it. */
        Line count(CycleReport.Count count) {
            return count.shown() ? number(count.value()) : text(fewer());
        }

        /** A count's whole-number percentage of {@code base}, or "fewer than N" with the count it is drawn from. */
        Line percent(CycleReport.Count count, long base) {
            return count.shown() ? number(count.percentOf(base)) : text(fewer());
        }
    }
}
