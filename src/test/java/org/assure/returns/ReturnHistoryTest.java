package org.assure.returns;

import org.assure.audit.AuditEvent;
import org.assure.audit.AuditFields;
import org.assure.banks.BankFile;
import org.assure.banks.BankLoader;
import org.assure.banks.BankModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The history page's words come from each event's action, subject and fields, with the bank's texts and the scale's labels. */
class ReturnHistoryTest {
    private static BankModel.Version bank;

    @BeforeAll
    static void shippedBank() throws IOException {
        Path root = Path.of("question-banks");
        try (Stream<Path> files = Files.walk(root)) {
            List<BankFile> yaml = files.filter(f -> f.toString().endsWith(".yaml")).map(f -> {
                try {
                    return new BankFile(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            bank = BankLoader.load(yaml).find("section-175", "2025").orElseThrow().version();
        }
    }

    private static Submissions.HistoryRow row(ReturnAudit action, String subject, AuditFields before, AuditFields after) {
        return row(action.kind().code(), action.code(), subject, before, after);
    }

    private static Submissions.HistoryRow row(String kind, String action, String subject, AuditFields before, AuditFields after) {
        return ReturnHistory.row(bank, new AuditEvent(1, 1, 2L, Instant.parse("2026-03-03T14:05:00Z"), kind, 9, action, subject, before, after),
                "Dee Esel");
    }

    private static String question(String key) {
        return bank.question(key).orElseThrow().text();
    }

    @Test
    void answersShowTheQuestionAndTheRatingInWordsWithEvidenceAndReason() {
        var r = row(ReturnAudit.ANSWER, "governance-accountability", null,
                AuditFields.of(ReturnAudit.RATING, "GREEN", ReturnAudit.EVIDENCE, "Minutes of March"));
        assertEquals("Answer: " + question("governance-accountability"), r.what());
        assertEquals("", r.before(), "a first answer");
        assertEquals("Green — Fully met\nEvidence: Minutes of March", r.after());
        assertEquals("Dee Esel", r.who());
        assertEquals("3 March 2026 at 2:05pm", r.when());

        var na = row(ReturnAudit.ANSWER, "local-arrangements", AuditFields.of(ReturnAudit.RATING, "GREEN"),
                AuditFields.of(ReturnAudit.RATING, "NA", ReturnAudit.REASON, "Not in that area"));
        assertEquals("Green — Fully met", na.before());
        assertEquals("Not applicable — Does not apply to this organisation\nReason: Not in that area", na.after());

        assertEquals("No", row(ReturnAudit.ANSWER, "has-boarding", null, AuditFields.of(ReturnAudit.VALUE, "NO")).after(), "a yes/no in words");
        var confirmed = row(ReturnAudit.CONFIRMED, "governor-training", AuditFields.of(ReturnAudit.RATING, "AMBER"),
                AuditFields.of(ReturnAudit.RATING, "AMBER"));
        assertEquals("Carried-forward answer confirmed: " + question("governor-training"), confirmed.what());
        assertEquals("Amber — Partly met – action needed", confirmed.after());
    }

    @Test
    void sectionsShowTheirTitlesStatusesAndAssignees() {
        var completed = row(ReturnAudit.SECTION_STATUS, "leadership", AuditFields.status(SectionStatus.IN_PROGRESS),
                AuditFields.status(SectionStatus.COMPLETED));
        assertEquals("Section “Leadership and governance” completed", completed.what());
        assertEquals("In progress", completed.before());
        assertEquals("Completed", completed.after());

        var assigned = row(ReturnAudit.SECTION_ASSIGNED, "dsl", null, ReturnAudit.assignment(5L, "Ann Assignee"));
        assertEquals("Section “The designated safeguarding lead and deputies” assigned", assigned.what());
        assertEquals(ReturnHistory.NOBODY, assigned.before());
        assertEquals("Ann Assignee", assigned.after());
        assertEquals(ReturnHistory.NOBODY, row(ReturnAudit.SECTION_ASSIGNED, "dsl", ReturnAudit.assignment(5L, "Ann"), null).after());
    }

    @Test
    void theReturnsStatusSubmissionsReturnsAndCarryForward() {
        var status = row(ReturnAudit.STATUS, null, AuditFields.status(ReturnStatus.SUBMITTED), AuditFields.status(ReturnStatus.RETURNED));
        assertEquals(List.of("Return status", "Submitted", "Returned for changes"), List.of(status.what(), status.before(), status.after()));

        var submitted = row(ReturnAudit.SUBMITTED, null, null, AuditFields.of(ReturnAudit.REFERENCE, "AR-000009-1",
                ReturnAudit.DECLARED_NAME, "Dee Esel", ReturnAudit.DECLARED_ROLE, "DSL", ReturnAudit.LATE, "true"));
        assertEquals("Submitted", submitted.what());
        assertEquals("AR-000009-1 by Dee Esel, DSL (late)", submitted.after());

        var returned = row(ReturnAudit.RETURNED_FOR_CHANGES, null, AuditFields.of(ReturnAudit.REFERENCE, "AR-000009-1"),
                AuditFields.of(ReturnAudit.REASON, "Add the minutes"));
        assertEquals(List.of("Returned for changes", "AR-000009-1", "Add the minutes"), List.of(returned.what(), returned.before(), returned.after()));

        var carried = row(ReturnAudit.CARRIED_FORWARD, null, null, AuditFields.of(ReturnAudit.ANSWERS, "12", ReturnAudit.REFERENCE, "AR-000003-1",
                ReturnAudit.CYCLE, "Schools audit 2024"));
        assertEquals("12 answers from AR-000003-1 (Schools audit 2024)", carried.after());
    }

    @Test
    void whatCouldNotBeReadOrIsNotKnownStillShows() {
        var kept = row(ReturnAudit.ANSWER, "governance-accountability", AuditFields.of(AuditFields.TEXT, "GREEN | evidence: a | evidence: b"),
                AuditFields.of(ReturnAudit.RATING, "RED"));
        assertEquals("GREEN | evidence: a | evidence: b", kept.before(), "text kept by the migration, as it was");
        assertEquals("Red — Not met – immediate action", kept.after());

        var gone = row(ReturnAudit.ANSWER, "question-of-another-version", null, AuditFields.of(ReturnAudit.RATING, "PURPLE"));
        assertEquals("Answer: question-of-another-version", gone.what());
        assertEquals("PURPLE", gone.after());

        assertEquals("Section “retired-section” completed", row(ReturnAudit.SECTION_STATUS, "retired-section", null,
                AuditFields.status(SectionStatus.COMPLETED)).what());

        var unknown = row("return", "reopened", "leadership", null, AuditFields.of("by", "panel", "why", "challenge"));
        assertEquals("Reopened: leadership", unknown.what());
        assertEquals("by: panel\nwhy: challenge", unknown.after());
    }
}
