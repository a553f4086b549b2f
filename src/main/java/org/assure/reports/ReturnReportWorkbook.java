package org.assure.reports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.kernel.SheetText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A return report as a workbook: a sheet of answers (the page's columns), then the outcome, the released challenges and
 * the actions. One return is a few hundred rows at most, so XSSF. Every text cell goes through {@link SheetText}: answers,
 * evidence and challenges are typed by people.
 */
final class ReturnReportWorkbook {
    static final List<String> ANSWERS = List.of("Section", "Question number", "Question", "Self-rating", "Answer", "Evidence",
            "Not applicable reason", "Panel agreed rating", "Actions");
    static final List<String> CHALLENGES = List.of("Kind", "About", "Challenge", "Released", "Due", "Answer", "Answered");
    static final List<String> ACTIONS = List.of("About", "Action", "Owner", "Due", "Status", "From");

    private ReturnReportWorkbook() {
    }

    static byte[] of(ReturnReport.Page page) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);

            Sheet answers = sheet(workbook, "Answers", ANSWERS, header);
            int n = 1;
            for (ReturnReport.SectionPart s : page.sections()) {
                for (ReturnReport.AnswerLine a : s.answers()) {
                    List<String> actions = new ArrayList<>();
                    a.actions().forEach(x -> actions.add(x.what() + " (" + x.status().label() + ", due " + x.due() + ")"));
                    row(answers, n++, s.number() + ". " + s.section().title(), a.number(), a.line().question(),
                            a.selfRating() == null ? "" : a.selfRating(), a.selfRating() == null ? a.line().answer() : "",
                            a.line().evidence(), a.line().reason(), a.agreed() != null ? a.agreed() : s.agreed() == null ? "" : s.agreed(),
                            String.join("\n", actions));
                }
            }
            answers.setColumnWidth(2, 60 * 256);
            answers.setColumnWidth(5, 60 * 256);

            Sheet outcome = sheet(workbook, "Outcome", List.of("Item", "Detail"), header);
            n = 1;
            var ctx = page.context();
            n = pair(outcome, n, "Organisation", ctx.organisation().name());
            n = pair(outcome, n, "Cycle", ctx.cycle().name());
            n = pair(outcome, n, "Question bank", ctx.bank().title() + " " + ctx.bank().version());
            n = pair(outcome, n, "Status", ctx.ret().status().label());
            n = pair(outcome, n, "Submission", page.submitted() == null ? "Not yet submitted"
                    : page.submitted().reference() + ", " + page.submitted().submittedAt() + " by " + page.submitted().submittedBy());
            var m = page.moderation();
            if (m == null) {
                n = pair(outcome, n, "Panel outcome", "Not moderated");
            } else {
                n = pair(outcome, n, "Panel", m.panel());
                n = pair(outcome, n, "Panel outcome", m.outcome().label());
                n = pair(outcome, n, "Moderated", m.moderatedOn());
                n = pair(outcome, n, "Summary", m.summary());
                for (var f : m.strengths()) {
                    n = pair(outcome, n, "Strength", f.text());
                }
                for (var f : m.areas()) {
                    n = pair(outcome, n, "Area to improve", f.text());
                }
            }
            outcome.setColumnWidth(0, 24 * 256);
            outcome.setColumnWidth(1, 80 * 256);

            Sheet challenges = sheet(workbook, "Challenges", CHALLENGES, header);
            n = 1;
            for (var c : page.challenges()) {
                row(challenges, n++, c.kind().label(), c.about(), c.text(), c.released(), c.due(), c.answer(), c.answered());
            }

            Sheet actions = sheet(workbook, "Actions", ACTIONS, header);
            n = 1;
            for (var a : page.actions()) {
                row(actions, n++, a.about(), a.what(), a.owner(), a.due(), a.status().label(), a.source().label());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook workbook, String name, List<String> headers, CellStyle style) {
        Sheet sheet = workbook.createSheet(name);
        Row top = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            SheetText.set(top.createCell(i), headers.get(i));
            top.getCell(i).setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void row(Sheet sheet, int n, String... cells) {
        Row row = sheet.createRow(n);
        for (int i = 0; i < cells.length; i++) {
            SheetText.set(row.createCell(i), cells[i]);
        }
    }

    private static int pair(Sheet sheet, int n, String key, String value) {
        row(sheet, n, key, value);
        return n + 1;
    }
}
