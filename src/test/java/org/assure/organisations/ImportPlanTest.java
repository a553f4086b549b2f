package org.assure.organisations;

import org.assure.organisations.ImportPlan.Action;
import org.assure.organisations.ImportPlan.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportPlanTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    static GiasRow row(int n, String urn, String name, String type, String status) {
        return new GiasRow(n, urn, name, type, status, "Primary", "", "Sandwell", "ZZ1 1ZZ", "No boarders", "",
                "No Nursery Classes", "Mr", "Gareth", "Hughes");
    }

    static GiasRow open(int n, String urn) {
        return row(n, urn, "School " + urn, "Community school", "Open");
    }

    static ImportPlan.Existing existing(long id, ImportPlan.Line created, boolean archived, OrganisationContact... contacts) {
        OrganisationDetails d = created.details();
        return new ImportPlan.Existing(new Organisation(id, 1, d.kind(), d.name(), d.sector(), d.phase(), d.category(), d.urn(),
                d.trustName(), d.localAuthority(), d.postcode(), d.hasBoarding(), d.hasEarlyYears(), null,
                archived ? T : null, 3, T, T), List.of(contacts));
    }

    static OrganisationContact head(long organisationId, String name, String email) {
        return new OrganisationContact(7L, organisationId, ContactRole.HEADTEACHER, name, email, null);
    }

    private static Line only(GiasRow row, ImportPlan.Existing... schools) {
        return ImportPlan.of(List.of(row), List.of(schools)).lines().get(0);
    }

    @Test
    void theSampleExtractCreates39SchoolsAndRefusesTheClosedOne() throws Exception {
        ImportPlan plan = ImportPlan.of(GiasReader.read("gias-sample.csv", GiasReaderTest.sample()), List.of());
        assertEquals(new ImportPlan.Summary(38, 0, 0, 0, 2), plan.summary());
        List<Line> refused = plan.lines().stream().filter(l -> l.action() == Action.REFUSE).toList();
        Line closed = refused.get(0);
        assertEquals("901003", closed.urn());
        assertEquals("closed", closed.reason());
        assertEquals(5, closed.row());
        assertEquals("901011", refused.get(1).urn(), "Greystone is proposed to open");
        assertEquals("not open yet (GIAS: proposed to open): import it again once it opens", refused.get(1).reason());

        Map<String, Line> byUrn = plan.lines().stream().collect(Collectors.toMap(Line::urn, Function.identity()));
        assertTrue(byUrn.get("901007").notes().contains("proposed to close"));
        assertEquals(List.of("16 schools have the same name as another school: lists show each school's URN beside its name to tell"
                        + " them apart.", "38 schools have no DSL email address: nobody can be invited as their DSL until one is added on"
                        + " the school's page."), plan.warnings(), "all of the sample is in Sandwell");

        List<OrganisationDetails> created = plan.lines().stream().filter(l -> l.action() == Action.CREATE).map(Line::details).toList();
        Map<SchoolCategory, Long> categories = created.stream().collect(Collectors.groupingBy(OrganisationDetails::category, Collectors.counting()));
        assertEquals(Map.of(SchoolCategory.MAINTAINED, 17L, SchoolCategory.ACADEMY, 9L, SchoolCategory.SPECIAL, 4L,
                SchoolCategory.PRU, 4L, SchoolCategory.FE_COLLEGE, 3L, SchoolCategory.INDEPENDENT, 1L), categories,
                "the two academy special converters are academies, answering under Section 157");
        Map<Phase, Long> phases = created.stream().collect(Collectors.groupingBy(OrganisationDetails::phase, Collectors.counting()));
        assertEquals(Map.of(Phase.PRIMARY, 16L, Phase.NOT_APPLICABLE, 10L, Phase.SECONDARY, 8L, Phase.SIXTEEN_PLUS, 3L,
                Phase.NURSERY, 1L), phases);
        assertEquals(1, created.stream().filter(OrganisationDetails::hasBoarding).count(), "Castleton High School boards");
        assertEquals(9, created.stream().filter(OrganisationDetails::hasEarlyYears).count());
        assertEquals(9, created.stream().filter(d -> d.trustName() != null).count());

        OrganisationDetails stMarys = byUrn.get("901005").details();
        assertEquals("St Mary’s Catholic High School", stMarys.name());
        assertEquals(new OrganisationDetails.Contact(ContactRole.HEADTEACHER, "Mrs Chloë Shah", null, null),
                byUrn.get("901019").details().contacts().get(0));
        OrganisationDetails larkrise = byUrn.get("901001").details();
        assertEquals(SchoolCategory.ACADEMY, larkrise.category());
        assertEquals("NORTHERN LIGHTS MULTI ACADEMY TRUST", larkrise.trustName());
        assertEquals("Sandwell", larkrise.localAuthority());
        assertEquals("ZZ3 1XX", larkrise.postcode());
    }

    @Test
    void refusesRowsWithEveryReason() {
        ImportPlan plan = ImportPlan.of(List.of(
                row(2, "", "No URN", "Community school", "Open"),
                row(3, "12345", "Short URN", "Community school", "Open"),
                row(4, "1234567", "Long URN", "Community school", "Open"),
                row(5, "12345A", "Letters", "Community school", "Open"),
                row(6, "100001", "Welsh", "Welsh establishment", "Open"),
                row(7, "100002", "First", "Community school", "Open"),
                row(8, "100002", "Second", "Community school", "Open"),
                row(9, "100002", "Third", "Community school", "Open"),
                row(10, "100003", "Gone", "Community school", "Closed"),
                row(11, "100004", "", "Community school", "Open"),
                new GiasRow(12, "100005", "No phase", "Community school", "Open", "Sixth form", "", "", "", "", "", "", "", "", ""),
                row(13, "100006", "x".repeat(201), "Community school", "Open")), List.of());
        assertEquals(List.of("missing URN", "URN not 6 digits: 12345", "URN not 6 digits: 1234567", "URN not 6 digits: 12345A",
                        "unknown category: Welsh establishment", "duplicate URN in the file (first on row 7)",
                        "duplicate URN in the file (first on row 7)", "closed", "missing name", "unknown phase: Sixth form",
                        "name longer than 200 characters"),
                plan.lines().stream().filter(l -> l.action() == Action.REFUSE).map(Line::reason).toList());
        assertEquals(new ImportPlan.Summary(1, 0, 0, 0, 11), plan.summary());
        assertEquals("First", plan.lines().get(5).name(), "the first occurrence of a URN is the one imported");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Community school | MAINTAINED
            Voluntary aided school | MAINTAINED
            Voluntary controlled school | MAINTAINED
            Foundation school | MAINTAINED
            Local authority nursery school | MAINTAINED
            Academy converter | ACADEMY
            Academy sponsor led | ACADEMY
            Academy 16-19 converter | ACADEMY
            Free schools | ACADEMY
            Free schools 16 to 19 | ACADEMY
            University technical college | ACADEMY
            Studio schools | ACADEMY
            Other independent school | INDEPENDENT
            Other independent special school | INDEPENDENT
            Non-maintained special school | INDEPENDENT
            Community special school | SPECIAL
            Foundation special school | SPECIAL
            Academy special converter | ACADEMY
            Academy special sponsor led | ACADEMY
            Free schools special | ACADEMY
            Pupil referral unit | PRU
            Academy alternative provision converter | ACADEMY
            Academy alternative provision sponsor led | ACADEMY
            Free schools alternative provision | ACADEMY
            Further education | FE_COLLEGE
            Sixth form centres | FE_COLLEGE
            '  community   SCHOOL ' | MAINTAINED""")
    void mapsEstablishmentTypesToCategories(String type, SchoolCategory category) {
        assertEquals(category, GiasMapping.category(type).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Higher education institutions", "Welsh establishment", "Offshore schools",
            "Service children's education", "British schools overseas", "Institution funded by other government department", ""})
    void refusesOtherEstablishmentTypes(String type) {
        Line line = only(row(2, "100000", "A", type, "Open"));
        assertEquals(Action.REFUSE, line.action());
        assertEquals("unknown category: " + (type.isEmpty() ? "(none given)" : type), line.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Nursery | NURSERY
            Primary | PRIMARY
            Middle deemed primary | MIDDLE
            Middle deemed secondary | MIDDLE
            Secondary | SECONDARY
            All-through | ALL_THROUGH
            16 plus | SIXTEEN_PLUS
            Not applicable | NOT_APPLICABLE""")
    void mapsPhases(String phase, Phase expected) {
        assertEquals(expected, GiasMapping.phase(phase).orElseThrow());
    }

    @Test
    void readsBoardingEarlyYearsAndTheHeadsName() {
        assertTrue(GiasMapping.boarding("Boarding school", ""));
        assertTrue(GiasMapping.boarding("Has boarders", ""));
        assertTrue(GiasMapping.boarding("No boarders", "Boarding school"));
        assertFalse(GiasMapping.boarding("No boarders", ""));
        assertFalse(GiasMapping.boarding("Not applicable", "Not applicable"));
        assertFalse(GiasMapping.boarding("", ""));
        assertTrue(GiasMapping.earlyYears("Has Nursery Classes", Phase.PRIMARY));
        assertTrue(GiasMapping.earlyYears("Not applicable", Phase.NURSERY));
        assertFalse(GiasMapping.earlyYears("No Nursery Classes", Phase.PRIMARY));
        assertEquals("Chloë Brontë", GiasMapping.headName("Not applicable", "Chloë", "Brontë"));
        assertEquals("Dr Ann O'Neill", GiasMapping.headName("Dr", " Ann ", "O'Neill"));
    }

    /** Issue 9 item 17: a school proposed to open is not a school yet, so it must not become an active one. */
    @Test
    void proposedToCloseIsImportedWithANoteAndProposedToOpenIsRefused() {
        Line closing = only(row(2, "100000", "A", "Community school", "Open, but proposed to close"));
        assertEquals(Action.CREATE, closing.action());
        assertEquals("proposed to close", closing.notes().get(0));
        Line opening = only(row(2, "100000", "A", "Community school", "Proposed to open"));
        assertEquals(Action.REFUSE, opening.action());
        assertEquals("not open yet (GIAS: proposed to open): import it again once it opens", opening.reason());
        Line known = only(row(2, "100000", "A", "Community school", " proposed  TO open "), existing(5, only(open(2, "100000")), false));
        assertEquals(Action.REFUSE, known.action());
    }

    /** Issue 9 item 17: what the admin must check is said on the row and counted above the table. */
    @Test
    void warnsOfOtherAuthoritiesSameNamesAndSchoolsNobodyCanBeInvitedFor() {
        OrganisationContact dsl = new OrganisationContact(8L, 5, ContactRole.DSL, "Dee Esel", "dsl@school.test", null);
        ImportPlan.Existing withDsl = existing(5, only(row(2, "100001", "St Mary's", "Community school", "Open")), false, dsl);
        ImportPlan.Existing elsewhere = existing(6, only(row(2, "100009", "Hill Top", "Community school", "Open")), false, dsl);
        GiasRow dudley = new GiasRow(4, "100003", "Dudley School", "Community school", "Open", "Primary", "", "Dudley", "", "", "",
                "", "", "", "");
        ImportPlan plan = ImportPlan.of(List.of(row(2, "100001", "St Mary's", "Community school", "Open"),
                row(3, "100002", "  ST MARY'S ", "Community school", "Open"), dudley,
                row(5, "100004", "Hill top", "Community school", "Open")), List.of(withDsl, elsewhere));
        List<List<String>> notes = plan.lines().stream().map(Line::notes).toList();
        assertEquals(List.of("another school has the same name (URN 100002)"), notes.get(0), "its DSL has an email");
        assertEquals(List.of("another school has the same name (URN 100001)",
                "no DSL email: nobody can be invited as its DSL until one is added"), notes.get(1));
        assertEquals(List.of("in another local authority (Dudley): check it belongs to this partnership",
                "no DSL email: nobody can be invited as its DSL until one is added"), notes.get(2));
        assertEquals(List.of("another school has the same name (URN 100009)",
                "no DSL email: nobody can be invited as its DSL until one is added"), notes.get(3), "a school already here counts too");
        assertEquals(List.of("1 school is in a local authority other than Sandwell: check they belong to this partnership before you confirm.",
                "3 schools have the same name as another school: lists show each school's URN beside its name to tell them apart.",
                "3 schools have no DSL email address: nobody can be invited as their DSL until one is added on the school's page."),
                plan.warnings());
    }

    @Test
    void theSameRowAgainstTheSchoolItCreatedIsUnchanged() {
        GiasRow row = open(2, "100000");
        Line created = only(row);
        Line again = only(row, existing(5, created, false, head(5, "Mr Gareth Hughes", "head@school.test")));
        assertEquals(Action.UNCHANGED, again.action());
        assertTrue(again.changes().isEmpty());
    }

    @Test
    void listsWhatAnUpdateChangesAndKeepsWhatGiasDoesNotKnow() {
        Line created = only(open(2, "100000"));
        OrganisationContact dsl = new OrganisationContact(8L, 5, ContactRole.DSL, "Dee Esel", "dsl@school.test", null);
        ImportPlan.Existing school = existing(5, created, false, head(5, "Mr Gareth Hughes", "head@school.test"), dsl);
        GiasRow renamed = new GiasRow(2, "100000", "School 100000 (renamed)", "Academy converter", "Open", "Primary", "A Trust",
                "Sandwell", "ZZ1 1ZZ", "No boarders", "", "No Nursery Classes", "Mr", "Gareth", "Hughes");
        Line line = only(renamed, school);
        assertEquals(Action.UPDATE, line.action());
        assertEquals(List.of(new FieldChange("Name", "School 100000", "School 100000 (renamed)"),
                new FieldChange("Category", "Maintained school", "Academy or free school"),
                new FieldChange("Trust", "", "A Trust")), line.changes());
        assertTrue(line.details().contacts().contains(new OrganisationDetails.Contact(ContactRole.DSL, "Dee Esel", "dsl@school.test", null)));
        assertTrue(line.details().contacts().contains(new OrganisationDetails.Contact(ContactRole.HEADTEACHER, "Mr Gareth Hughes", "head@school.test", null)),
                "the same head keeps their email");
    }

    @Test
    void aNewHeadteacherDoesNotInheritThePreviousHeadsEmail() {
        Line created = only(open(2, "100000"));
        ImportPlan.Existing school = existing(5, created, false, head(5, "Mrs Old Head", "old.head@school.test"));
        Line line = only(open(2, "100000"), school);
        assertEquals(List.of(new FieldChange("Headteacher", "Mrs Old Head (old.head@school.test)", "Mr Gareth Hughes")), line.changes());
    }

    @Test
    void aClosedSchoolThatExistsIsArchivedOnce() {
        Line created = only(open(2, "100000"));
        GiasRow closed = row(2, "100000", "School 100000", "Community school", "Closed");
        Line archive = only(closed, existing(5, created, false));
        assertEquals(Action.ARCHIVE, archive.action());
        assertNull(archive.reason());
        assertEquals(Action.UNCHANGED, only(closed, existing(5, created, true)).action());
    }

    @Test
    void anOpenRowDoesNotRestoreAnArchivedSchool() {
        Line created = only(open(2, "100000"));
        Line line = only(open(2, "100000"), existing(5, created, true, head(5, "Mr Gareth Hughes", null)));
        assertEquals(Action.UNCHANGED, line.action());
        assertEquals(List.of("archived here: stays archived unless restored on its page"), line.notes());
    }
}
