package org.assure.reports;

import org.junit.jupiter.api.Tag;
import org.assure.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.demo.WholeReturns;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.SheetText;
import org.assure.panels.CaseChallenges;
import org.assure.panels.MarkingBy;
import org.assure.panels.Moderating;
import org.assure.panels.Moderations;
import org.assure.panels.PanelWorld;
import org.assure.returns.AnswerInput;
import org.assure.returns.SectionForm;
import org.assure.returns.SectionPages;
import org.assure.returns.SectionSaving;
import org.assure.returns.Submissions;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The return report against a hand-built return: every rated question Green except two of the first section
 * ("leadership", six rated questions): governance-accountability Amber with evidence that starts with "=", and
 * safeguarding-governor Red; so leadership is 4 Green, 1 Amber, 1 Red, and each of the two has an action. A panel marking
 * by section agrees Green for every section and confirms "Partly assured" (after a draft saying "Not assured"); one
 * challenge is released and answered, another stays a draft.
 */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnReportWebTest extends WebTest {
    static final String FIRST = ReportWorld.FIRST;
    static final String SECOND = ReportWorld.SECOND;
    static final String EVIDENCE = "=SUM(1,2) Minutes of the governing board, spring term";

    @Inject
    PanelWorld panelWorld;
    @Inject
    WholeReturns wholeReturns;
    @Inject
    SectionPages pages;
    @Inject
    SectionSaving saving;
    @Inject
    Submissions submissions;
    @Inject
    QuestionBanks banks;
    @Inject
    Moderations moderations;
    @Inject
    Moderating moderating;
    @Inject
    CaseChallenges challenges;

    PanelWorld.World w;
    String report;
    String beforeConfirmation;

    @BeforeAll
    void world() {
        w = panelWorld.build(MarkingBy.SECTION, this::fill);
        report = "/returns/" + w.returnId() + "/report";
        LocalDate today = Dates.today(clock);
        CurrentUser member = w.user(w.memberA(), Roles.PANEL, Set.of());
        CurrentUser moderator = w.user(w.moderator(), Roles.PANEL, Set.of());
        long released = challenges.draft(member, w.panelId(), w.caseId(),
                new CaseChallenges.DraftForm("QUESTION", "leadership", "How do governors test the safeguarding report?")).value();
        LocalDate due = today.plusDays(14);
        var done = challenges.release(moderator, w.panelId(), w.caseId(), new CaseChallenges.ReleaseForm(String.valueOf(due.getDayOfMonth()),
                String.valueOf(due.getMonthValue()), String.valueOf(due.getYear())));
        assertTrue(done.isValid(), "released");
        CurrentUser lead = w.user(w.lead(), Roles.LEAD, Set.of(w.school().id()));
        assertTrue(challenges.answer(lead, w.returnId(), released, "The safeguarding governor questions it each term.").isValid());
        challenges.draft(member, w.panelId(), w.caseId(), new CaseChallenges.DraftForm("EVIDENCE", "", "A draft nobody released"));

        moderations.marked(w, w.memberA(), "GREEN");
        moderations.marked(w, w.memberB(), "AMBER");
        Map<String, String> ratings = new HashMap<>();
        var items = moderating.page(moderator, w.panelId(), w.caseId());
        items.items().forEach(i -> ratings.put(i.key(), "AMBER"));
        var draft = moderating.save(moderator, w.panelId(), w.caseId(), new Moderating.ModerationForm(ratings, "NOT_ASSURED", "A drafted strength",
                "", "A drafted summary", ""), false);
        assertTrue(draft.isValid(), "drafted: " + draft.errors().getAll());
        beforeConfirmation = page(w.admin(), report);
        Map<String, String> green = new HashMap<>();
        ratings.keySet().forEach(k -> green.put(k, "GREEN"));
        var confirmed = moderating.save(moderator, w.panelId(), w.caseId(), new Moderating.ModerationForm(green, "PARTLY_ASSURED",
                "1: Governors challenge the annual safeguarding report", "Record why referrals were not made",
                "A sound return with one gap in governance.", moderating.formOf(moderator, w.panelId(), w.caseId()).version()), true);
        assertTrue(confirmed.isValid(), "confirmed: " + confirmed.errors().getAll());
    }

    /** The lead's answers: typical ones, Amber with "=" evidence and Red for the two leadership questions, actions, submitted. */
    private void fill(CurrentUser lead, long returnId) {
        Map<String, String> ratings = new HashMap<>();
        for (BankModel.Question q : banks.get("section-175", "2025").questions()) {
            if (q.type() == BankModel.QuestionType.RATING) {
                ratings.put(q.key(), "GREEN");
            }
        }
        ratings.put(SECOND, "RED");
        wholeReturns.complete(lead, returnId, 0, ratings);
        var view = pages.section(lead, returnId, "leadership").questions().stream().filter(v -> v.question().key().equals(FIRST)).findFirst()
                .orElseThrow();
        var saved = saving.save(lead, returnId, "leadership", new SectionForm(Map.of(FIRST,
                new AnswerInput("AMBER", List.of(), EVIDENCE, "", "", "", "", view.entry().version(), true)), true, SectionForm.Next.LATER));
        assertTrue(saved.errors().isEmpty(), "saved: " + saved.errors());
        wholeReturns.writeActions(lead, returnId, Dates.today(clock));
        assertTrue(submissions.submit(lead, returnId, new Submissions.DeclarationForm("Dee Esel", "DSL", "true"), FormErrors.none()).isValid());
    }

    private String page(Fixtures.Person who, String path) {
        TestBrowser.Page page = signedIn(who).get(path);
        assertEquals(200, page.status(), path + ": " + page.body());
        return TestBrowser.unescape(page.body());
    }

    @Test
    void thePageShowsTheSubmissionThePanelsViewAndTheActions() {
        String html = page(w.lead(), report);
        assertTrue(html.contains(w.school().name()), "the organisation");
        assertTrue(html.contains("AR-%06d-1".formatted(w.returnId())), "the latest submission's reference");
        // the first question: its self-rating, its evidence as typed, its action
        assertTrue(html.contains("Self-rating: <strong>Amber — Partly met – action needed</strong>"), "the self-rating");
        assertTrue(html.contains("Evidence: " + EVIDENCE), "the evidence");
        assertTrue(html.contains("Review and strengthen our practice on: "), "the actions written for the answers");
        // the panel marked by section: its agreed rating of leadership, the confirmed outcome, never the draft's
        assertTrue(html.contains("Panel's agreed rating for this section: <strong>Green — Fully met</strong>"), "the agreed rating");
        assertTrue(html.contains("<strong>Partly assured</strong>"), "the outcome");
        assertTrue(html.contains("Governors challenge the annual safeguarding report (Section 1: Leadership"), "a strength, with what it is about");
        assertTrue(html.contains("Record why referrals were not made"), "an area to improve");
        assertFalse(html.contains("Not assured") || html.contains("A drafted summary") || html.contains("A drafted strength"), "nothing of the draft");
        // no member's own mark
        assertFalse(html.contains("Comment by "), "no member's comments");
        // the released challenge and its answer; the draft not at all
        assertTrue(html.contains("How do governors test the safeguarding report?"), "the released challenge");
        assertTrue(html.contains("The safeguarding governor questions it each term."), "its answer");
        assertFalse(html.contains("A draft nobody released"), "an unreleased challenge is not shown");
        // the self-ratings of leadership, hand-counted: 4 Green, 1 Amber, 1 Red of 6, none not applicable
        assertEquals(List.of("4 (67%)", "1 (17%)", "1 (17%)", "6", "0"), CycleReportWebTest.row(html, "1. Leadership"));
        assertTrue(html.contains("role=\"img\""), "a chart");
    }

    @Test
    void beforeTheModerationIsConfirmedNothingOfItShows() {
        assertTrue(beforeConfirmation.contains("No panel has confirmed a moderated outcome for this return."), "not moderated yet");
        assertFalse(beforeConfirmation.contains("Not assured") || beforeConfirmation.contains("A drafted summary"), "nothing of the draft");
        assertFalse(beforeConfirmation.contains("Panel's agreed rating"), "no agreed rating before confirmation");
    }

    @Test
    void thePrintViewHasTheSameReportWithoutItsLinks() {
        String html = page(w.admin(), report + "/print");
        assertTrue(html.contains("Evidence: " + EVIDENCE) && html.contains("<strong>Partly assured</strong>"));
        assertTrue(html.contains("Use your browser's print command"));
        assertFalse(html.contains("report.xlsx"), "no download link on paper");
    }

    @Test
    void theWorkbookHoldsTheAnswersAndItsTextStaysText() throws IOException {
        TestBrowser.Page download = signedIn(w.lead()).get(report.replace("/report", "/report.xlsx"));
        assertEquals(200, download.status());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.raw().body()))) {
            Sheet answers = book.getSheet("Answers");
            assertEquals(ReturnReportWorkbook.ANSWERS.get(5), answers.getRow(0).getCell(5).getStringCellValue());
            Row first = null;
            for (Row r : answers) {
                if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals("1.1")) {
                    first = r;
                }
            }
            assertTrue(first != null, "question 1.1");
            assertEquals("1. Leadership and governance", first.getCell(0).getStringCellValue());
            assertEquals("Amber — Partly met – action needed", first.getCell(3).getStringCellValue());
            assertEquals(CellType.STRING, first.getCell(5).getCellType(), "evidence starting with = is a string, not a formula");
            assertEquals("'" + EVIDENCE, first.getCell(5).getStringCellValue());
            assertEquals(EVIDENCE, SheetText.unescape(first.getCell(5).getStringCellValue()));
            assertEquals("Green — Fully met", first.getCell(7).getStringCellValue(), "the section's agreed rating");
            assertTrue(first.getCell(8).getStringCellValue().startsWith("Review and strengthen our practice on: "), "its action");
            Sheet outcome = book.getSheet("Outcome");
            List<String> lines = new ArrayList<>();
            outcome.forEach(r -> lines.add(r.getCell(0).getStringCellValue() + "=" + r.getCell(1).getStringCellValue()));
            assertTrue(lines.contains("Panel outcome=Partly assured"), lines.toString());
            assertTrue(lines.contains("Area to improve=Record why referrals were not made"), lines.toString());
            Sheet challenged = book.getSheet("Challenges");
            assertEquals(2, challenged.getPhysicalNumberOfRows(), "the header and the released challenge only");
            assertEquals("The safeguarding governor questions it each term.", challenged.getRow(1).getCell(5).getStringCellValue());
            assertTrue(book.getSheet("Actions").getPhysicalNumberOfRows() >= 3, "the two answers' actions at least");
        }
    }

    @Test
    void whoMayReadIt() {
        Fixtures.Person chair = fixtures.person(w.partnership(), Role.ESCALATION_CONTACT, w.school());
        Fixtures.Person otherChair = fixtures.person(w.partnership(), Role.ESCALATION_CONTACT, w.sister());
        Fixtures.Person viewer = fixtures.person(w.partnership(), Role.BOARD_VIEWER);
        Fixtures.Person contributor = fixtures.person(w.partnership(), Role.CONTRIBUTOR, w.school());
        Fixtures.Person farAdmin = fixtures.admin(fixtures.partnership());
        for (String path : List.of(report, report + "/print", report.replace("/report", "/report.xlsx"))) {
            assertEquals(200, signedIn(w.lead()).get(path).status(), "lead " + path);
            assertEquals(200, signedIn(chair).get(path).status(), "its chair " + path);
            assertEquals(200, signedIn(viewer).get(path).status(), "a board viewer " + path);
            assertEquals(200, signedIn(w.admin()).get(path).status(), "the partnership " + path);
            assertEquals(404, signedIn(otherChair).get(path).status(), "another school's chair " + path);
            assertEquals(404, signedIn(w.sisterLead()).get(path).status(), "another organisation's lead " + path);
            assertEquals(404, signedIn(farAdmin).get(path).status(), "another partnership's admin " + path);
            assertEquals(403, signedIn(w.memberA()).get(path).status(), "a panel member " + path);
            assertEquals(403, signedIn(contributor).get(path).status(), "a contributor " + path);
        }
        assertTrue(page(w.lead(), "/returns/" + w.returnId()).contains(report), "the task list links to it");
        assertTrue(page(chair, "/").contains(report), "the chair's dashboard links to it");
    }

    @Test
    void aReturnNeverSubmittedSaysSo() {
        long unsubmitted = w.sisterReturnId();
        String html = page(w.admin(), "/returns/" + unsubmitted + "/report");
        assertTrue(html.contains("Not yet submitted"), "says so");
        assertFalse(html.contains("id=\"answers\""), "no working answers");
    }
}
