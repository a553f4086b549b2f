package org.assure.banks;

import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A version as one organisation is asked it: section and question applies-to, read in one place. (A version
 * for schools and agencies alike, so one fixture shows both; an audience's categories narrow schools, its
 * sectors agencies.)
 */
class AskedOfTest {
    private static final BankModel.Audience NOT_COLLEGES = new BankModel.Audience(List.of("SCHOOL"),
            List.of("MAINTAINED", "ACADEMY", "INDEPENDENT", "SPECIAL", "PRU"), List.of());
    private static final BankModel.Audience PARTNERS = new BankModel.Audience(List.of("AGENCY"), List.of(),
            List.of("LOCAL_AUTHORITY", "INTEGRATED_CARE_BOARD", "POLICE"));

    private static BankModel.Question question(String key, BankModel.Audience appliesTo) {
        return new BankModel.Question(key, key, null, null, List.of(), BankModel.QuestionType.RATING, true, null, List.of(), List.of(),
                null, null, List.of(), appliesTo, true, true, false);
    }

    private static final BankModel.Version VERSION = new BankModel.Version("demo", "Demo", "1", "Guidance", LocalDate.of(2026, 9, 1),
            BankModel.Audience.none(), new BankModel.Scale(null, null, List.of()), List.of(
            new BankModel.Section("attendance", "Attendance", null, null, List.of(question("attendance-policy", NOT_COLLEGES),
                    question("attendance-champion", NOT_COLLEGES))),
            new BankModel.Section("leadership", "Leadership", null, null, List.of(question("everyone", null),
                    question("lead-partner-role", PARTNERS))),
            new BankModel.Section("police", "Police", null, new BankModel.Audience(List.of("AGENCY"), List.of(), List.of("POLICE")),
                    List.of(question("custody", null)))));

    private static Organisation school(SchoolCategory category) {
        return new Organisation(1L, 1, OrganisationKind.SCHOOL, "A school", null, Phase.SECONDARY, category, "100000", null, null, null,
                false, false, null, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static Organisation agency(Sector sector) {
        return new Organisation(2L, 1, OrganisationKind.AGENCY, "An agency", sector, null, null, null, null, null, null,
                false, false, null, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static List<String> keys(BankModel.Version v) {
        return v.questions().stream().map(BankModel.Question::key).toList();
    }

    @Test
    void aCollegeIsNotAskedTheAttendanceQuestionsAndLosesTheEmptiedSection() {
        BankModel.Version college = VERSION.askedOf(school(SchoolCategory.FE_COLLEGE));
        assertEquals(List.of("everyone"), keys(college));
        assertEquals(List.of("leadership"), college.sections().stream().map(BankModel.Section::key).toList());
        assertEquals(List.of("attendance-policy", "attendance-champion", "everyone"), keys(VERSION.askedOf(school(SchoolCategory.ACADEMY))));
    }

    @Test
    void onlyTheLeadSafeguardingPartnersAreAskedAboutTheirRole() {
        assertEquals(List.of("everyone", "lead-partner-role", "custody"), keys(VERSION.askedOf(agency(Sector.POLICE))));
        assertEquals(List.of("everyone", "lead-partner-role"), keys(VERSION.askedOf(agency(Sector.INTEGRATED_CARE_BOARD))));
        assertEquals(List.of("everyone"), keys(VERSION.askedOf(agency(Sector.VOLUNTARY))));
    }

    @Test
    void aVersionAskedWholeIsTheSameVersion() {
        BankModel.Version plain = new BankModel.Version("demo", "Demo", "1", "Guidance", LocalDate.of(2026, 9, 1), BankModel.Audience.none(),
                new BankModel.Scale(null, null, List.of()), List.of(new BankModel.Section("s", "S", null, null, List.of(question("q", null)))));
        assertSame(plain, plain.askedOf(agency(Sector.POLICE)));
    }
}
