package db.migration;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V10 reads the prose the audit trail held into typed events, and keeps whole what it cannot read reliably. */
class AuditProseTest {
    private static final AuditProse.Facts NOTHING_KNOWN = facts(Map.of(), Map.of());

    private static AuditProse.Facts facts(Map<String, String> fields, Map<String, AuditProse.Declaration> declarations) {
        return new AuditProse.Facts() {
            @Override
            public String answerField(long returnId, String questionKey) {
                return fields.get(questionKey);
            }

            @Override
            public AuditProse.Declaration declaration(String reference) {
                return declarations.get(reference);
            }
        };
    }

    private static AuditProse.Typed typed(String entity, String action, String before, String after) {
        return typed(entity, action, before, after, NOTHING_KNOWN);
    }

    private static AuditProse.Typed typed(String entity, String action, String before, String after, AuditProse.Facts facts) {
        return AuditProse.typed(new AuditProse.Old(entity, 7, action, before, after), facts);
    }

    private static Map<String, String> text(String t) {
        return Map.of("text", t);
    }

    @Test
    void answerSummariesSplitIntoRatingEvidenceAndReason() {
        assertEquals(Map.of("rating", "GREEN", "evidence", "Minutes of March\nand April"),
                AuditProse.answer("GREEN | evidence: Minutes of March\nand April", null));
        assertEquals(Map.of("rating", "NA", "reason", "We are not in that area"), AuditProse.answer("NA | reason: We are not in that area", null));
        assertEquals(Map.of("rating", "NA", "evidence", "E", "reason", "R"), AuditProse.answer("NA | evidence: E | reason: R", "value"),
                "evidence and reasons were only ever kept for ratings");
        assertEquals(Map.of("evidence", "Evidence alone"), AuditProse.answer(" | evidence: Evidence alone", null));
        assertEquals(List.of("rating", "evidence", "reason"), List.copyOf(AuditProse.answer("RED | evidence: E | reason: R", null).keySet()),
                "in the order the page shows them");
    }

    @Test
    void aBareAnswerIsARatingOrAValueAsTheQuestionsAnswersAre() {
        assertEquals(Map.of("rating", "AMBER"), AuditProse.answer("AMBER", "rating"));
        assertEquals(Map.of("value", "YES"), AuditProse.answer("YES", "value"));
        assertEquals(Map.of("value", "Free text | with a bar"), AuditProse.answer("Free text | with a bar", null), "unknown: a value");
        assertEquals(Map.of(), AuditProse.answer("", "rating"), "an answer cleared of everything");
        assertNull(AuditProse.answer(null, "rating"), "no answer before the first");
    }

    @Test
    void anAnswerWhoseTextRepeatsAMarkIsKeptWhole() {
        for (String ambiguous : List.of("GREEN | evidence: a | evidence: b", "NA | reason: a | reason: b", "NA | reason: r | evidence: e")) {
            assertEquals(text(ambiguous), AuditProse.answer(ambiguous, "rating"), ambiguous);
        }
    }

    @Test
    void answerActionsSplitIntoCodeAndQuestionKey() {
        AuditProse.Facts ratings = facts(Map.of("governance-accountability", "rating", "has-boarding", "value"), Map.of());
        var answer = typed("return", "answer governance-accountability", "AMBER", "GREEN | evidence: Minutes", ratings);
        assertEquals(new AuditProse.Typed("answer", "governance-accountability", Map.of("rating", "AMBER"),
                Map.of("rating", "GREEN", "evidence", "Minutes")), answer);
        assertEquals(new AuditProse.Typed("answer", "has-boarding", null, Map.of("value", "NO")), typed("return", "answer has-boarding", null, "NO", ratings));
        assertEquals(new AuditProse.Typed("confirmed", "governor-training", Map.of("rating", "GREEN"), Map.of("rating", "GREEN")),
                typed("return", "confirmed governor-training", "GREEN", "GREEN", facts(Map.of("governor-training", "rating"), Map.of())));
        assertEquals(new AuditProse.Typed("answer Not a key", null, text("x"), text("y")), typed("return", "answer Not a key", "x", "y"),
                "not a bank key: kept as it was");
    }

    @Test
    void sectionActionsSplitIntoStatusOrAssignmentAndSectionKey() {
        assertEquals(new AuditProse.Typed("section status", "leadership", Map.of("status", "IN_PROGRESS"), Map.of("status", "COMPLETED")),
                typed("return", "section leadership completed", "IN_PROGRESS", "COMPLETED"));
        assertEquals(new AuditProse.Typed("section status", "online-safety", Map.of("status", "NOT_STARTED"), Map.of("status", "IN_PROGRESS")),
                typed("return", "section online-safety in progress", "NOT_STARTED", "IN_PROGRESS"));
        assertEquals(new AuditProse.Typed("section status", "dsl", text("???"), Map.of("status", "COMPLETED")),
                typed("return", "section dsl completed", "???", "???"), "the action's own words say where it went");
        assertEquals(new AuditProse.Typed("section assigned", "dsl", null, Map.of("assigneeName", "Ann Assignee")),
                typed("return", "section dsl assigned", null, "Ann Assignee"));
        assertEquals(new AuditProse.Typed("section assigned", "dsl", Map.of("assigneeName", "Ann Assignee"), null),
                typed("return", "section dsl assigned", "Ann Assignee", null), "taken back: nobody after");
        assertEquals(new AuditProse.Typed("section dsl reopened", null, text("a"), text("b")), typed("return", "section dsl reopened", "a", "b"));
    }

    @Test
    void returnStatusesSubmissionsReturnsAndCarryForward() {
        assertEquals(new AuditProse.Typed("status", null, Map.of("status", "SUBMITTED"), Map.of("status", "RETURNED")),
                typed("return", "status", "SUBMITTED", "RETURNED"));
        AuditProse.Facts submitted = facts(Map.of(), Map.of("AR-000007-2", new AuditProse.Declaration("Smith, Jo", "Head, DSL", true)));
        assertEquals(new AuditProse.Typed("submitted", null, null,
                        Map.of("reference", "AR-000007-2", "declaredName", "Smith, Jo", "declaredRole", "Head, DSL", "late", "true")),
                typed("return", "submitted", null, "AR-000007-2 by Smith, Jo, Head, DSL (late)", submitted),
                "the declaration is read from the submission, so commas in it do not matter");
        assertEquals(text("AR-000007-3 by Someone, Role"), typed("return", "submitted", null, "AR-000007-3 by Someone, Role", submitted).after(),
                "no such submission: kept whole");
        assertEquals(text("AR-000007-2 by Other, Role"), typed("return", "submitted", null, "AR-000007-2 by Other, Role", submitted).after(),
                "not what the submission declared: kept whole");
        assertEquals(new AuditProse.Typed("returned for changes", null, Map.of("reference", "AR-000007-1"), Map.of("reason", "Add | evidence: x")),
                typed("return", "returned for changes", "AR-000007-1", "Add | evidence: x"));
        assertEquals(Map.of("answers", "12", "reference", "AR-000003-1", "cycle", "Schools audit (2024)"),
                typed("return", "carried forward", null, "12 answers from AR-000003-1 (Schools audit (2024))").after());
        assertEquals(text("something else"), typed("return", "carried forward", null, "something else").after());
        assertEquals(new AuditProse.Typed("reopened", null, text("x"), null), typed("return", "reopened", "x", null), "unknown: kept");
    }

    @Test
    void organisationDescriptionsSplitByTheirLabels() {
        assertEquals(Map.of("name", "Northbridge Constabulary", "sector", "Police", "lead", "Det Supt Mark Ellison (lead@police.test)"),
                AuditProse.labelled("Name: Northbridge Constabulary; Sector: Police; Safeguarding lead: Det Supt Mark Ellison (lead@police.test)",
                        organisationLabels()));
        var updated = typed("organisation", "updated", "Name: St Mary's; Designated safeguarding lead: ",
                "Name: St Mary’s; Designated safeguarding lead: Dee Esel (dsl@school.test)");
        assertEquals(Map.of("name", "St Mary's", "dsl", ""), updated.before(), "a field that was blank");
        assertEquals(Map.of("name", "St Mary’s", "dsl", "Dee Esel (dsl@school.test)"), updated.after());
        assertEquals(Map.of("name", "A; B", "urn", "100000"), typed("organisation", "created", null, "Name: A; B; URN: 100000").after(),
                "'; ' inside a value is fine when no label follows it");
        assertEquals(new AuditProse.Typed("archived by import", null, Map.of("status", "ACTIVE"), Map.of("status", "ARCHIVED")),
                typed("organisation", "archived by import", "Active", "Archived"));
    }

    @Test
    void organisationDescriptionsThatDoNotSplitCleanlyAreKeptWhole() {
        for (String t : List.of("Name: A; Sector: B; Sector: C", "Name: A; Sector: Police; URN: 1; Sector: Other", "Sector: Police; Name: A",
                "Colour: red", "Name: X; Trust: T; Name: Y")) {
            assertEquals(text(t), typed("organisation", "updated", t, null).before(), t);
        }
    }

    @Test
    void cycleDescriptionsAndStatuses() {
        assertEquals(Map.of("name", "Schools 2026; autumn", "bank", "section-175", "bankVersion", "2025", "audience", "TYPES", "kinds", "SCHOOL",
                        "categories", "MAINTAINED,ACADEMY", "sectors", "", "opensOn", "2026-09-01", "deadline", "2026-10-01", "panelDate", "2026-11-01"),
                typed("cycle", "created", null, "Name: Schools 2026; autumn; Bank: section-175/2025; Audience: kinds [SCHOOL] categories "
                        + "[MAINTAINED,ACADEMY] sectors []; Opens: 2026-09-01; Deadline: 2026-10-01; Panel: 2026-11-01").after());
        var updated = typed("cycle", "updated", "Name: C; Bank: section-11/2023; Audience: organisations [3, 14]; Opens: 2026-09-01; "
                + "Deadline: 2026-10-01; Final deadline: 2026-10-15", "Name: C; Bank: section-11/2023; Audience: organisations []; "
                + "Opens: 2026-09-01; Deadline: 2026-10-01");
        assertEquals(Map.of("name", "C", "bank", "section-11", "bankVersion", "2023", "audience", "CHOSEN", "organisations", "3,14",
                "opensOn", "2026-09-01", "deadline", "2026-10-01", "finalDeadline", "2026-10-15"), updated.before());
        assertEquals("", updated.after().get("organisations"));
        assertEquals(text("Name: C; Bank: section-11; Audience: everyone; Opens: x; Deadline: y"),
                typed("cycle", "created", null, "Name: C; Bank: section-11; Audience: everyone; Opens: x; Deadline: y").after());
        assertEquals(new AuditProse.Typed("open", null, Map.of("status", "DRAFT"), Map.of("status", "OPEN")), typed("cycle", "open", "Draft", "Open"));
        assertEquals(new AuditProse.Typed("organisation added", null, null, Map.of("organisationName", "Elm Primary")),
                typed("cycle", "organisation added", null, "Elm Primary"));
    }

    @Test
    void accountsImportsAndBankDrafts() {
        assertEquals(Map.of("email", "new@school.test", "role", "ORGANISATION_LEAD"), typed("account", "invited", null, "new@school.test as Organisation lead").after());
        assertEquals(text("new@school.test as Wizard"), typed("account", "invited", null, "new@school.test as Wizard").after());
        assertEquals(new AuditProse.Typed("locked", null, null, null), typed("account", "locked", null, null));
        assertEquals(Map.of("file", "gias: june.csv", "created", "3", "updated", "1", "archived", "0", "unchanged", "2", "refused", "5"),
                typed("organisation_import", "applied", null, "gias: june.csv: 3 created, 1 updated, 0 archived, 2 unchanged, 5 refused").after());
        assertEquals(Map.of("file", "Section 11.xlsx", "bank", "section-11", "version", "2026 draft"),
                typed("bank_draft", "uploaded", null, "Section 11.xlsx: section-11 version 2026 draft").after());
        assertEquals(new AuditProse.Typed("tested", null, text("before"), text("after")), typed("panel", "tested", "before", "after"),
                "a kind V10 does not know");
    }

    @Test
    void onlyRowsWithTextAreCountedAsKept() {
        assertTrue(typed("return", "reopened", "x", null).kept());
        assertFalse(typed("return", "status", "SUBMITTED", "RETURNED").kept());
        assertFalse(typed("account", "locked", null, null).kept());
    }

    private static List<String[]> organisationLabels() {
        return List.of(new String[]{"Name", "name"}, new String[]{"Sector", "sector"}, new String[]{"Safeguarding lead", "lead"});
    }
}
