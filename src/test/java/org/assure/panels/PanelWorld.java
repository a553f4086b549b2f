package org.assure.panels;

import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.demo.WholeReturns;
import org.assure.kernel.Dates;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A partnership with a schools' panel ready to mark, built through the services: three panel members and a moderator,
 * a school (in a trust) whose return is submitted and before the panel, a second school of the same trust, and a third
 * school not submitted. Each call builds a new, unrelated world.
 */
@Singleton
public class PanelWorld {
    private final Fixtures fixtures;
    private final CycleService cycles;
    private final WholeReturns wholeReturns;
    private final Panels panels;
    private final Clock clock;

    PanelWorld(Fixtures fixtures, CycleService cycles, WholeReturns wholeReturns, Panels panels, Clock clock) {
        this.fixtures = fixtures;
        this.cycles = cycles;
        this.wholeReturns = wholeReturns;
        this.panels = panels;
        this.clock = clock;
    }

    public record World(Partnership partnership, Fixtures.Person admin, Fixtures.Person lead, Fixtures.Person sisterLead, Fixtures.Person memberA,
                        Fixtures.Person memberB, Fixtures.Person memberC, Fixtures.Person moderator, Organisation school, Organisation sister,
                        Organisation unsubmitted, long cycleId, long returnId, long sisterReturnId, long panelId, long caseId) {
        public String panelPath() {
            return "/panels/" + panelId;
        }

        public String casePath() {
            return panelPath() + "/cases/" + caseId;
        }

        public CurrentUser adminUser() {
            return user(admin, Roles.ADMIN, Set.of());
        }

        public CurrentUser user(Fixtures.Person p, String role, Set<Long> organisations) {
            return new CurrentUser(p.id(), partnership.id(), partnership.name(), p.email(), "Person " + p.email(), Set.of(role), organisations);
        }
    }

    /** The world, its panel marking {@code by} section or question. */
    public World build(MarkingBy by) {
        return build(by, (lead, returnId) -> wholeReturns.submit(lead, returnId, "Dee Esel", "Designated safeguarding lead", 0));
    }

    /** The world, its school's return filled in and submitted by its lead ({@code submit}: the lead, the return's id) as a test needs. */
    public World build(MarkingBy by, java.util.function.BiConsumer<CurrentUser, Long> submit) {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        String trust = "Oak Learning Trust " + Fixtures.next();
        Organisation school = fixtures.school(p, trust, null);
        Organisation sister = fixtures.school(p, trust, null);
        Organisation unsubmitted = fixtures.school(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        Fixtures.Person sisterLead = fixtures.person(p, Role.ORGANISATION_LEAD, sister);
        Fixtures.Person a = fixtures.person(p, Role.PANEL_MEMBER);
        Fixtures.Person b = fixtures.person(p, Role.PANEL_MEMBER);
        Fixtures.Person c = fixtures.person(p, Role.PANEL_MEMBER);
        Fixtures.Person moderator = fixtures.person(p, Role.PANEL_MEMBER);
        CurrentUser adminUser = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(30);
        long cycleId = cycles.createAndOpen(adminUser, new CycleForms.CycleForm("Panel cycle " + Fixtures.next(), "section-175/2025", "CHOSEN",
                List.of(), List.of(), List.of(), List.of(str(school.id()), str(sister.id()), str(unsubmitted.id())), str(today.getDayOfMonth()),
                str(today.getMonthValue()), str(today.getYear()), str(deadline.getDayOfMonth()), str(deadline.getMonthValue()),
                str(deadline.getYear()), null, null, null, null, null, null, null));
        long returnId = cycles.returnOf(cycleId, school.id()).orElseThrow();
        long sisterReturnId = cycles.returnOf(cycleId, sister.id()).orElseThrow();
        submit.accept(new CurrentUser(lead.id(), p.id(), p.name(), lead.email(), "Lead", Set.of(Roles.LEAD), Set.of(school.id())), returnId);
        LocalDate meets = today.plusDays(20);
        LocalDate due = today.plusDays(14);
        long panelId = panels.create(adminUser, new Panels.PanelForm(String.valueOf(cycleId), "Schools panel " + Fixtures.next(), "ASSURANCE",
                str(meets.getDayOfMonth()), str(meets.getMonthValue()), str(meets.getYear()), "Room 1, County Hall", str(due.getDayOfMonth()),
                str(due.getMonthValue()), str(due.getYear()), by.name(), str(moderator.id()))).value();
        for (Fixtures.Person member : List.of(a, b, c)) {
            panels.addMember(adminUser, panelId, new Panels.MemberForm(str(member.id()), null, null, null));
        }
        panels.addCases(adminUser, panelId, new Panels.CasesForm(Panels.ONE, null, str(returnId), "Picked by hand for the test"));
        long caseId = panels.page(adminUser, panelId).cases().get(0).id();
        return new World(p, admin, lead, sisterLead, a, b, c, moderator, school, sister, unsubmitted, cycleId, returnId, sisterReturnId, panelId,
                caseId);
    }

    private static String str(long n) {
        return String.valueOf(n);
    }
}
