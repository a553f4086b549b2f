package org.assure.access;

import org.assure.kernel.Refusal;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access policy's rules, without an application: one assertion per rule a person would ask about. */
class AccessPolicyTest {
    private static final long P = 1, OWN = 10, OTHER = 20, ME = 100;
    private final AccessPolicy policy = new AccessPolicy();

    private static CurrentUser person(String role, Long... organisations) {
        return new CurrentUser(ME, P, "P", "me@example.org", "Me", Set.of(role), Set.of(organisations));
    }

    @Test
    void anotherPartnershipsThingsAreHiddenFromEveryRole() {
        for (Role role : Role.values()) {
            CurrentUser someone = person(role.name(), OWN);
            for (Action action : Action.values()) {
                assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(someone, action, Target.ofReturn(P + 1, OWN)).outcome());
                assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(someone, action, Target.partnership(P + 1)).outcome());
            }
        }
    }

    @Test
    void onlyAdminsAdministerThePartnership() {
        assertTrue(policy.allows(person(Roles.ADMIN), Action.ADMINISTER, Target.partnership(P)));
        for (String role : Set.of(Roles.LEAD, Roles.CONTRIBUTOR, Roles.PANEL, Roles.CHAIR, Roles.VIEWER)) {
            var refusal = assertThrows(Refusal.class, () -> policy.requireAdmin(person(role, OWN)));
            assertTrue(refusal.is(Refusal.Kind.FORBIDDEN));
        }
    }

    @Test
    void adminsAndBoardViewersReadReports() {
        assertTrue(policy.allows(person(Roles.ADMIN), Action.READ_REPORTS, Target.partnership(P)));
        assertTrue(policy.allows(person(Roles.VIEWER), Action.READ_REPORTS, Target.partnership(P)));
        assertFalse(policy.allows(person(Roles.PANEL), Action.READ_REPORTS, Target.partnership(P)));
        assertFalse(policy.allows(person(Roles.LEAD, OWN), Action.READ_REPORTS, Target.partnership(P)));
    }

    @Test
    void aReturnsReportIsReadByItsLeadItsChairThePartnershipAndTheBoard() {
        assertTrue(policy.allows(person(Roles.LEAD, OWN), Action.READ_REPORTS, Target.ofReturn(P, OWN)));
        assertTrue(policy.allows(person(Roles.CHAIR, OWN), Action.READ_REPORTS, Target.ofReturn(P, OWN)));
        assertTrue(policy.allows(person(Roles.ADMIN), Action.READ_REPORTS, Target.ofReturn(P, OTHER)));
        assertTrue(policy.allows(person(Roles.VIEWER), Action.READ_REPORTS, Target.ofReturn(P, OTHER)), "the board reads every organisation's");
        assertEquals(AccessPolicy.RETURN_REPORT_READERS, policy.decide(person(Roles.CONTRIBUTOR, OWN), Action.READ_REPORTS, Target.ofReturn(P, OWN)).reason());
        assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(person(Roles.CHAIR, OWN), Action.READ_REPORTS, Target.ofReturn(P, OTHER)).outcome());
        assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(person(Roles.PANEL), Action.READ_REPORTS, Target.ofReturn(P, OWN)).outcome());
        for (Action action : Set.of(Action.OPEN, Action.VIEW, Action.EDIT)) {
            assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(person(Roles.VIEWER), action, Target.ofReturn(P, OWN)).outcome(),
                    "nothing else of a return for the board: " + action);
        }
    }

    @Test
    void organisationPeopleOpenTheirOwnOrganisationOnly() {
        assertTrue(policy.allows(person(Roles.CHAIR, OWN), Action.OPEN, Target.organisation(P, OWN)));
        assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(person(Roles.CHAIR, OWN), Action.OPEN, Target.organisation(P, OTHER)).outcome());
        assertTrue(policy.allows(person(Roles.ADMIN), Action.OPEN, Target.organisation(P, OTHER)));
        assertTrue(policy.allows(person(Roles.LEAD, OWN), Action.ASSIGN, Target.organisation(P, OWN)), "leads invite colleagues");
        assertFalse(policy.allows(person(Roles.CONTRIBUTOR, OWN), Action.ASSIGN, Target.organisation(P, OWN)));
    }

    @Test
    void aLeadDoesEverythingToTheirOrganisationsReturnButReturnItForChanges() {
        CurrentUser lead = person(Roles.LEAD, OWN);
        for (Action action : Set.of(Action.OPEN, Action.VIEW, Action.EDIT, Action.ASSIGN, Action.SUBMIT)) {
            assertTrue(policy.allows(lead, action, Target.ofReturn(P, OWN)), action.name());
        }
        assertEquals(AccessPolicy.RETURNS_BY_ADMINS, policy.decide(lead, Action.RETURN_FOR_CHANGES, Target.ofReturn(P, OWN)).reason());
        assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(lead, Action.OPEN, Target.ofReturn(P, OTHER)).outcome());
    }

    @Test
    void anAdminReadsEveryReturnChangesNoneAndReturnsSubmissions() {
        CurrentUser admin = person(Roles.ADMIN);
        assertTrue(policy.allows(admin, Action.OPEN, Target.ofReturn(P, OTHER)));
        assertTrue(policy.allows(admin, Action.VIEW, Target.ofReturn(P, OTHER)));
        assertTrue(policy.allows(admin, Action.RETURN_FOR_CHANGES, Target.ofReturn(P, OTHER)));
        assertEquals(AccessPolicy.ADMINS_LOOK, policy.decide(admin, Action.EDIT, Target.ofReturn(P, OTHER)).reason());
        assertFalse(policy.allows(admin, Action.SUBMIT, Target.ofReturn(P, OTHER)));
        assertTrue(policy.allows(admin, Action.OPEN, Target.section(P, OTHER, 5L)));
        assertFalse(policy.allows(admin, Action.EDIT, Target.section(P, OTHER, null)));
    }

    @Test
    void aContributorWorksOnlyOnTheSectionsAssignedToThem() {
        CurrentUser contributor = person(Roles.CONTRIBUTOR, OWN);
        assertTrue(policy.allows(contributor, Action.OPEN, Target.ofReturn(P, OWN)), "the task list, with their sections");
        assertEquals(AccessPolicy.WHOLE_RETURN, policy.decide(contributor, Action.VIEW, Target.ofReturn(P, OWN)).reason());
        assertFalse(policy.allows(contributor, Action.SUBMIT, Target.ofReturn(P, OWN)));
        assertTrue(policy.allows(contributor, Action.EDIT, Target.section(P, OWN, ME)));
        assertEquals(AccessPolicy.ASSIGNED_ELSEWHERE, policy.decide(contributor, Action.OPEN, Target.section(P, OWN, ME + 1)).reason());
        assertEquals(AccessPolicy.ASSIGNED_ELSEWHERE, policy.decide(contributor, Action.EDIT, Target.section(P, OWN, null)).reason());
        assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(contributor, Action.OPEN, Target.section(P, OTHER, ME)).outcome());
    }

    @Test
    void panelMembersAndViewersReachNoReturnButTheBoardItsReport() {
        for (String role : Set.of(Roles.PANEL, Roles.VIEWER)) {
            for (Action action : Action.values()) {
                if (role.equals(Roles.VIEWER) && action == Action.READ_REPORTS) {
                    continue; // the board reads the return report (aReturnsReportIsReadBy...)
                }
                assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(person(role, OWN), action, Target.ofReturn(P, OWN)).outcome(),
                        role + " " + action);
            }
        }
    }

    @Test
    void aChairReadsTheirOrganisationsReturnWholeAndChangesNothing() {
        CurrentUser chair = person(Roles.CHAIR, OWN);
        assertTrue(policy.allows(chair, Action.VIEW, Target.ofReturn(P, OWN)), "printable and as submitted");
        assertEquals(AccessPolicy.CHAIR_READS, policy.decide(chair, Action.OPEN, Target.ofReturn(P, OWN)).reason(), "not its working pages");
        for (Action action : Set.of(Action.EDIT, Action.ASSIGN, Action.SUBMIT, Action.RETURN_FOR_CHANGES)) {
            assertEquals(AccessPolicy.Decision.Outcome.FORBIDDEN, policy.decide(chair, action, Target.ofReturn(P, OWN)).outcome(), action.name());
        }
        for (Action action : Action.values()) {
            assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(chair, action, Target.ofReturn(P, OTHER)).outcome(),
                    "another school's return: " + action);
            assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(chair, action, Target.section(P, OWN, null)).outcome(),
                    "no section of it: " + action);
        }
    }

    @Test
    void panelMembersViewersAndAdminsFollowTheCyclesOthersDoNot() {
        for (String role : Set.of(Roles.ADMIN, Roles.PANEL, Roles.VIEWER)) {
            assertTrue(policy.allows(person(role), Action.FOLLOW_CYCLES, Target.partnership(P)), role);
        }
        for (String role : Set.of(Roles.LEAD, Roles.CONTRIBUTOR, Roles.CHAIR)) {
            assertEquals(AccessPolicy.NOT_FOLLOWING_CYCLES, policy.decide(person(role, OWN), Action.FOLLOW_CYCLES, Target.partnership(P)).reason(), role);
        }
    }

    @Test
    void refusalsAreNotFoundForWhatIsHiddenAndForbiddenWithTheReasonOtherwise() {
        var hidden = assertThrows(Refusal.class, () -> policy.require(person(Roles.LEAD, OWN), Action.OPEN, Target.ofReturn(P, OTHER), "Return"));
        assertTrue(hidden.is(Refusal.Kind.NOT_FOUND));
        assertEquals("Return not found", hidden.getMessage());
        var forbidden = assertThrows(Refusal.class, () -> policy.require(person(Roles.CONTRIBUTOR, OWN), Action.SUBMIT, Target.ofReturn(P, OWN), "Return"));
        assertTrue(forbidden.is(Refusal.Kind.FORBIDDEN));
        assertEquals(AccessPolicy.LEAD_ONLY, forbidden.getMessage());
    }

    // ---- actions (issue 13) ----

    private static Target.ActionItem action(long organisation, boolean ownerIsMe, boolean namedVerifier) {
        return new Target.ActionItem(P, organisation, ownerIsMe, namedVerifier);
    }

    @Test
    void anOrganisationsPeopleSeeItsActionsAndOnlyItsLeadAndContributorsUpdateThem() {
        for (String role : Set.of(Roles.LEAD, Roles.CONTRIBUTOR, Roles.CHAIR)) {
            assertTrue(policy.allows(person(role, OWN), Action.VIEW, action(OWN, false, false)), role);
            assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(person(role, OWN), Action.VIEW, action(OTHER, false, false)).outcome(),
                    role + " does not see another organisation's action");
        }
        assertTrue(policy.allows(person(Roles.LEAD, OWN), Action.EDIT, action(OWN, false, false)));
        assertTrue(policy.allows(person(Roles.CONTRIBUTOR, OWN), Action.EDIT, action(OWN, false, false)));
        assertEquals(AccessPolicy.Decision.Outcome.FORBIDDEN, policy.decide(person(Roles.CHAIR, OWN), Action.EDIT, action(OWN, false, false)).outcome(),
                "the chair reads only");
        assertFalse(policy.allows(person(Roles.ADMIN), Action.EDIT, action(OWN, false, false)), "progress is the organisation's to report");
        assertTrue(policy.allows(person(Roles.ADMIN), Action.VIEW, action(OTHER, false, false)));
    }

    @Test
    void nobodyVerifiesTheirOwnAction() {
        assertTrue(policy.allows(person(Roles.ADMIN), Action.VERIFY, action(OWN, false, false)));
        var own = policy.decide(person(Roles.ADMIN), Action.VERIFY, action(OWN, true, false));
        assertEquals(AccessPolicy.Decision.Outcome.FORBIDDEN, own.outcome());
        assertEquals("Nobody verifies their own action", own.reason());
        assertTrue(policy.allows(person(Roles.PANEL), Action.VERIFY, action(OWN, false, true)), "the panel member the partnership named");
        assertFalse(policy.allows(person(Roles.PANEL), Action.VERIFY, action(OWN, true, true)), "not even when named");
        assertFalse(policy.allows(person(Roles.LEAD, OWN), Action.VERIFY, action(OWN, false, false)), "an organisation does not verify its own actions");
        assertEquals(AccessPolicy.Decision.Outcome.HIDDEN, policy.decide(person(Roles.PANEL), Action.VIEW, action(OWN, false, false)).outcome(),
                "a panel member not named sees nothing of it");
    }

    @Test
    void thePartnershipAdministersActionsAndTheLeadMayAlsoWithdrawThem() {
        assertTrue(policy.allows(person(Roles.ADMIN), Action.ADMINISTER, action(OWN, false, false)));
        assertFalse(policy.allows(person(Roles.LEAD, OWN), Action.ADMINISTER, action(OWN, false, false)));
        assertTrue(policy.allows(person(Roles.ADMIN), Action.WITHDRAW, action(OWN, false, false)));
        assertTrue(policy.allows(person(Roles.LEAD, OWN), Action.WITHDRAW, action(OWN, false, false)));
        assertFalse(policy.allows(person(Roles.CONTRIBUTOR, OWN), Action.WITHDRAW, action(OWN, false, false)));
        assertEquals(AccessPolicy.Decision.Outcome.HIDDEN,
                policy.decide(person(Roles.ADMIN), Action.VIEW, new Target.ActionItem(P + 1, OWN, false, false)).outcome());
    }
}
