package org.assure.cycles;

import org.assure.banks.BankModel;
import org.assure.kernel.FormErrors;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules that keep a cycle's audience inside its bank's, without an application. */
class AudienceFitTest {
    private static final BankModel.Audience SECTION_11 = new BankModel.Audience(List.of("AGENCY"), List.of(), List.of());
    private static final BankModel.Audience SECTION_175 = new BankModel.Audience(List.of("SCHOOL"),
            List.of("MAINTAINED", "ACADEMY", "INDEPENDENT", "FE_COLLEGE", "SPECIAL", "PRU"), List.of());
    private static final BankModel.Audience POLICE_ONLY = new BankModel.Audience(List.of("AGENCY"), List.of(), List.of("POLICE"));

    private static Organisation school(SchoolCategory category) {
        return new Organisation(1L, 1, OrganisationKind.SCHOOL, "A school", null, Phase.PRIMARY, category, "100000", null, null, null,
                false, false, null, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static Organisation agency(Sector sector) {
        return new Organisation(2L, 1, OrganisationKind.AGENCY, "An agency", sector, null, null, null, null, null, null,
                false, false, null, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static FormErrors types(BankModel.Audience bank, List<String> kinds, List<String> categories, List<String> sectors) {
        FormErrors errors = FormErrors.none();
        AudienceFit.checkTypes(bank, kinds, categories, sectors, errors);
        return errors;
    }

    @Test
    void organisationsFitOnlyTheBanksForThem() {
        assertFalse(AudienceFit.fits(SECTION_11, school(SchoolCategory.MAINTAINED)));
        assertTrue(AudienceFit.fits(SECTION_11, agency(Sector.POLICE)));
        assertTrue(AudienceFit.fits(SECTION_175, school(SchoolCategory.ACADEMY)));
        assertFalse(AudienceFit.fits(SECTION_175, agency(Sector.POLICE)));
        assertFalse(AudienceFit.fits(POLICE_ONLY, agency(Sector.PROBATION)));
        assertTrue(AudienceFit.fits(BankModel.Audience.none(), school(SchoolCategory.PRU)), "a bank for everyone fits everyone");
    }

    @Test
    void tickedTypesOutsideTheBankAreRefusedOnTheirField() {
        assertTrue(types(SECTION_11, List.of("AGENCY"), List.of(), List.of()).isEmpty());
        assertEquals("This question bank version is for agencies only: tick only that kind of organisation",
                types(SECTION_11, List.of("SCHOOL"), List.of(), List.of()).message("kinds"));
        assertTrue(types(SECTION_11, List.of(), List.of(), List.of()).has("kinds"), "nothing ticked is every kind");
        assertTrue(types(SECTION_11, List.of("AGENCY", "SCHOOL"), List.of(), List.of()).has("kinds"));
        assertTrue(types(SECTION_11, List.of("AGENCY"), List.of("MAINTAINED"), List.of()).isEmpty(), "categories do not concern agencies");
        assertEquals("This question bank version is not for Probation Service: untick it",
                types(POLICE_ONLY, List.of("AGENCY"), List.of(), List.of("POLICE", "PROBATION")).message("sectors"));
        assertTrue(types(SECTION_175, List.of("SCHOOL"), List.of("ACADEMY"), List.of("POLICE")).isEmpty(), "sectors do not concern schools");
        assertTrue(types(BankModel.Audience.none(), List.of(), List.of(), List.of()).isEmpty());
    }

    @Test
    void chosenOrganisationsOutsideTheBankAreNamed() {
        FormErrors errors = FormErrors.none();
        AudienceFit.checkChosen(SECTION_11, List.of(agency(Sector.POLICE), school(SchoolCategory.MAINTAINED)), errors);
        assertEquals("This question bank version is for agencies, not for A school: untick it", errors.message("organisations"));
        FormErrors none = FormErrors.none();
        AudienceFit.checkChosen(SECTION_175, List.of(school(SchoolCategory.MAINTAINED)), none);
        assertTrue(none.isEmpty());
    }
}
