package org.assure.actions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.kernel.Dates;
import org.assure.panels.MarkingBy;
import org.assure.panels.Moderating;
import org.assure.panels.Moderations;
import org.assure.panels.PanelWorld;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A confirmed moderation's areas to improve become proposed actions, one each however often it is confirmed, and one
 * removed at re-moderation is withdrawn with the reason; and each person's dashboard lists what they owe or must verify,
 * never another partnership's.
 */
@MicronautTest(transactional = false)
class ActionDashboardsWebTest extends WebTest {
    @Inject
    PanelWorld worlds;
    @Inject
    Moderations moderations;
    @Inject
    Moderating moderating;
    @Inject
    ActionPlans plans;
    @Inject
    ActionRepositories.Items items;
    @Inject
    ActionRepositories.Updates updates;

    @Test
    void eachAreaToImproveIsOneProposedActionAndOneRemovedAtReModerationIsWithdrawn() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        moderations.confirmed(w, "PARTLY_ASSURED", "Clear policies", "Improve the induction records\nReview the referral log", "A sound return.");
        List<ActionRepositories.Item> first = panelActions(w);
        assertEquals(2, first.size(), first.toString());
        assertTrue(first.stream().allMatch(i -> i.status() == ActionStatus.PROPOSED && i.source() == ActionSource.PANEL
                && i.organisationId() == w.school().id() && i.ownerEmail().isEmpty()), first.toString());
        ActionRepositories.Item induction = first.stream().filter(i -> i.what().equals("Improve the induction records")).findFirst().orElseThrow();
        ActionRepositories.Item referral = first.stream().filter(i -> i.what().equals("Review the referral log")).findFirst().orElseThrow();

        // confirmed again with a new summary (the findings are written afresh): still one action per area
        reconfirm(w, "Improve the induction records\nReview the referral log", "A sound return, well evidenced.");
        List<ActionRepositories.Item> again = panelActions(w);
        assertEquals(2, again.size(), again.toString());
        assertNotEquals(induction.findingId(), items.findById(induction.id()).orElseThrow().findingId(), "pointed at the new finding row");

        // one area dropped: its proposal is withdrawn with the reason; the other stays as it was
        reconfirm(w, "Improve the induction records", "A sound return; the referral log is fine after all.");
        assertEquals(ActionStatus.WITHDRAWN, items.findById(referral.id()).orElseThrow().status());
        assertTrue(updates.findByActionIdOrderById(referral.id()).stream().anyMatch(u -> u.kind() == UpdateKind.WITHDRAWN
                && PanelProposals.REMOVED.equals(u.note())));
        assertEquals(ActionStatus.PROPOSED, items.findById(induction.id()).orElseThrow().status());
        assertEquals(2, panelActions(w).size(), "nothing new written");

        // the lead sees the proposal on the dashboard and the organisation's plan, and proposes its owner and date there
        var lead = signedIn(w.lead());
        String dashboard = lead.get("/").body();
        assertTrue(dashboard.contains("Areas to improve from the panel: propose an owner and a due date")
                && dashboard.contains("href=\"/actions/" + induction.id() + "\""), dashboard);
        assertFalse(dashboard.contains("Review the referral log"), "a withdrawn proposal is not asked for");
        String plan = lead.get("/organisations/" + w.school().id() + "/actions").body();
        assertTrue(plan.contains("Improve the induction records") && plan.contains("href=\"/actions/" + induction.id() + "#propose\""), plan);
        String page = lead.get("/actions/" + induction.id()).body();
        assertTrue(page.contains("action=\"/actions/" + induction.id() + "/proposal\""), page);
    }

    @Test
    void eachDashboardListsWhatThatPersonOwesOrMustVerifyAndNoOtherPartnerships() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        PanelWorld.World far = worlds.build(MarkingBy.SECTION);
        CurrentUser admin = w.adminUser();
        CurrentUser lead = w.user(w.lead(), Roles.LEAD, Set.of(w.school().id()));
        Fixtures.Person chair = fixtures.person(w.partnership(), Role.ESCALATION_CONTACT, w.school());
        String tag = " #" + w.panelId();
        LocalDate today = Dates.today(clock);
        long soonToBeOverdue = add(admin, w, today.plusDays(3), "Update the safeguarding policy" + tag);
        long dueSoon = add(admin, w, today.plusDays(20), "Train the new governors" + tag);
        long later = add(admin, w, today.plusDays(90), "Refresh the visitors' badges" + tag);
        long done = add(admin, w, today.plusDays(60), "Replace the signing-in book" + tag);
        plans.done(lead, done, new ActionPlans.DoneForm("The new book is at reception"));
        long requested = add(admin, w, today.plusDays(60), "Review the filtering" + tag);
        LocalDate moved = today.plusDays(120);
        assertTrue(plans.requestDueDate(lead, requested, new ActionPlans.DueDateForm(s(moved.getDayOfMonth()), s(moved.getMonthValue()),
                s(moved.getYear()), "The supplier is late")).isValid());
        long toPropose = plans.proposeFromPanel(w.partnership().id(), w.school().id(), w.cycleId(), w.returnId(), w.caseId(),
                9_000_000L + Fixtures.next(), "Keep the referral log up to date" + tag, null, w.admin().id());
        long toAccept = plans.proposeFromPanel(w.partnership().id(), w.school().id(), w.cycleId(), w.returnId(), w.caseId(),
                9_000_000L + Fixtures.next(), "Record every induction" + tag, null, w.admin().id());
        assertTrue(plans.propose(lead, toAccept, new ActionPlans.ProposalForm("Dee Esel", "DSL", "dee@example.org", s(moved.getDayOfMonth()),
                s(moved.getMonthValue()), s(moved.getYear()))).isValid());
        assertTrue(plans.nameVerifier(admin, done, new ActionPlans.VerifierForm(String.valueOf(w.memberA().id()))).isValid());
        // the other partnership's actions, in every state that shows on a dashboard
        CurrentUser farAdmin = far.adminUser();
        long farDone = add(farAdmin, far, today.plusDays(3), "Far away action #" + far.panelId());
        plans.done(far.user(far.lead(), Roles.LEAD, Set.of(far.school().id())), farDone, new ActionPlans.DoneForm("Done far away"));
        add(farAdmin, far, today.plusDays(3), "Far overdue action #" + far.panelId());

        clock.advance(Duration.ofDays(10));
        String leadPage = signedIn(w.lead()).get("/").body();
        assertTrue(leadPage.contains("Your organisation's actions due soon or overdue"), leadPage);
        assertLinks(leadPage, soonToBeOverdue, dueSoon, toPropose);
        assertFalse(leadPage.contains("/actions/" + later + "\""), "due in 80 days: not yet");
        assertFalse(leadPage.contains("/actions/" + done + "\""), "awaiting verification: not the lead's to do");
        assertTrue(leadPage.contains("Overdue</strong>"), leadPage);

        String adminPage = signedIn(w.admin()).get("/").body();
        assertTrue(adminPage.contains("1 action awaits verification") && adminPage.contains("1 due-date request waits for a decision")
                && adminPage.contains("1 panel proposal waits to be accepted"), adminPage);
        assertLinks(adminPage, done, requested, toAccept);
        assertFalse(adminPage.contains("/actions/" + toPropose + "\""), "a proposal without its owner is the organisation's to make");

        String memberPage = signedIn(w.memberA()).get("/").body();
        assertTrue(memberPage.contains("Actions you are named to verify"), memberPage);
        assertLinks(memberPage, done);
        assertFalse(signedIn(w.memberB()).get("/").body().contains("Actions you are named to verify"), "only the member named");

        String chairPage = signedIn(chair).get("/").body();
        assertTrue(chairPage.contains("Overdue actions of your organisation"), chairPage);
        assertLinks(chairPage, soonToBeOverdue);
        assertFalse(chairPage.contains("/actions/" + dueSoon + "\""), "the chair sees what is overdue");

        for (String pageOf : List.of(leadPage, adminPage, memberPage, chairPage)) {
            assertFalse(pageOf.contains("Far away action") || pageOf.contains("Far overdue action"), "another partnership's actions");
        }
        String farAdminPage = signedIn(far.admin()).get("/").body();
        assertTrue(farAdminPage.contains("1 action awaits verification") && !farAdminPage.contains(tag), farAdminPage);
    }

    private static void assertLinks(String page, long... ids) {
        for (long id : ids) {
            assertTrue(page.contains("href=\"/actions/" + id + "\""), "action " + id + " on the dashboard: " + page);
        }
    }

    private List<ActionRepositories.Item> panelActions(PanelWorld.World w) {
        return items.findByPartnershipIdAndPanelCaseIdOrderById(w.partnership().id(), w.caseId());
    }

    private void reconfirm(PanelWorld.World w, String areas, String summary) {
        CurrentUser moderator = w.user(w.moderator(), Roles.PANEL, Set.of());
        Moderating.ModerationForm now = moderating.formOf(moderator, w.panelId(), w.caseId());
        var saved = moderating.save(moderator, w.panelId(), w.caseId(), new Moderating.ModerationForm(now.ratings(), now.outcome(), now.strengths(),
                areas, summary, now.version()), true);
        assertTrue(saved.isValid(), () -> saved.errors().getAll().toString());
    }

    private long add(CurrentUser admin, PanelWorld.World w, LocalDate due, String what) {
        var added = plans.addByPartnership(admin, w.school().id(), new ActionPlans.ActionForm(null, what, "Olu Owner", "Deputy head",
                "olu@example.org", s(due.getDayOfMonth()), s(due.getMonthValue()), s(due.getYear()), null, "Found at the panel"));
        assertTrue(added.isValid(), () -> added.errors().getAll().toString());
        return added.value();
    }

    private static String s(long n) {
        return String.valueOf(n);
    }
}
