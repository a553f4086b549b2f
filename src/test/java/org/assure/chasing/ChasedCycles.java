package org.assure.chasing;

import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.banks.QuestionBanks;
import org.assure.chasing.ChasingRepositories.ChaseMessage;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.partnerships.OfficerForms;
import org.assure.partnerships.OfficerRole;
import org.assure.partnerships.Partnership;
import org.assure.partnerships.PartnershipOfficers;
import org.assure.returns.CycleLookup;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.ReturnFilling;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chasing test data through the features' own services, for web tests and for tests that start application
 * contexts of their own: a partnership with schools (DSL, headteacher and chair each), their lead, and an open
 * Section 175/157 2025 cycle due in 30 days; and the clock moved to 9am of a day to run the chasing then.
 */
@Singleton
class ChasedCycles {
    private final Fixtures fixtures;
    private final OrganisationService organisations;
    private final CycleService cycles;
    private final CycleLookup lookup;
    private final PartnershipOfficers officers;
    private final ChaseRun run;
    private final ChasingRepositories.Messages messages;
    private final QuestionBanks banks;
    private final TestClock clock;

    ChasedCycles(Fixtures fixtures, OrganisationService organisations, CycleService cycles, CycleLookup lookup, PartnershipOfficers officers,
                 ChaseRun run, ChasingRepositories.Messages messages, QuestionBanks banks, TestClock clock) {
        this.banks = banks;
        this.fixtures = fixtures;
        this.organisations = organisations;
        this.cycles = cycles;
        this.lookup = lookup;
        this.officers = officers;
        this.run = run;
        this.messages = messages;
        this.clock = clock;
    }

    /** One partnership's chased cycle; {@code returnIds} in the order of {@code schools}, the first school's return is {@code returnId}. */
    record Chased(Partnership p, Fixtures.Person admin, List<Organisation> schools, Fixtures.Person lead, long cycleId, List<Long> returnIds,
                  LocalDate deadline) {
        Organisation school() {
            return schools.get(0);
        }

        long returnId() {
            return returnIds.get(0);
        }

        CurrentUser adminUser() {
            return new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        }
    }

    Chased cycle() {
        return cycle(1);
    }

    /** A new partnership with this many schools, one lead for all of them, and a cycle for them due in 30 days. */
    Chased cycle(int schoolCount) {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        List<Organisation> schools = new ArrayList<>();
        for (int i = 0; i < schoolCount; i++) {
            schools.add(school(p));
        }
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, schools.toArray(Organisation[]::new));
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(30);
        CurrentUser a = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        long cycleId = cycles.createAndOpen(a, new CycleForms.CycleForm("Chasing " + Fixtures.next(), "section-175/2025", "CHOSEN", List.of(),
                List.of(), List.of(), schools.stream().map(o -> String.valueOf(o.id())).toList(), str(today.getDayOfMonth()),
                str(today.getMonthValue()), str(today.getYear()), str(deadline.getDayOfMonth()), str(deadline.getMonthValue()),
                str(deadline.getYear()), null, null, null, null, null, null, null));
        List<Long> returnIds = schools.stream().map(o -> cycles.returnOf(cycleId, o.id()).orElseThrow()).toList();
        return new Chased(p, admin, List.copyOf(schools), lead, cycleId, returnIds, deadline);
    }

    private static String str(int n) {
        return String.valueOf(n);
    }

    private Organisation school(Partnership p) {
        int n = Fixtures.next();
        return organisations.create(p.id(), null, new OrganisationDetails(OrganisationKind.SCHOOL, "Chased School " + n, null,
                Phase.PRIMARY, SchoolCategory.MAINTAINED, String.valueOf(600000 + n), null, "Testshire", "TS1 1AA", false, false, null,
                List.of(new OrganisationDetails.Contact(ContactRole.DSL, "Dee Esel", "dsl" + n + "@chased.test", null),
                        new OrganisationDetails.Contact(ContactRole.HEADTEACHER, "Hedda Teacher", "head" + n + "@chased.test", null),
                        new OrganisationDetails.Contact(ContactRole.CHAIR_OF_GOVERNORS, "Chas Chair", "chair" + n + "@chased.test", null))));
    }

    /** Records a partnership officer as an admin would; the officer's address. */
    String officer(Chased c, OfficerRole role, String name) {
        String email = "officer" + Fixtures.next() + "@partnership.test";
        var added = officers.add(c.adminUser(), new OfficerForms.OfficerForm(role.name(), name, email, "0"), FormErrors.none());
        if (!added.isValid()) {
            throw new AssertionError("Officer not added: " + added.errors());
        }
        return email;
    }

    /**
     * Completes every section of the return through its pages (every rating Green), then rates these questions
     * of the leadership section as given, and submits it; the lead's browser must be signed in.
     */
    void submit(TestBrowser lead, long returnId, Map<String, String> leadershipRatings) {
        String path = "/returns/" + returnId;
        ReturnFilling.completeEverySection(lead, path, banks.get("section-175", "2025"));
        if (!leadershipRatings.isEmpty()) {
            String page = lead.get(path + "/sections/leadership").body();
            List<Map.Entry<String, String>> f = ReturnFilling.versions(page, "complete", "true", "action", "later");
            Matcher shown = Pattern.compile("name=\"([a-z0-9-]+)-version\"").matcher(page);
            while (shown.find()) {
                f.add(Map.entry(shown.group(1), leadershipRatings.getOrDefault(shown.group(1), "GREEN")));
                f.add(Map.entry(shown.group(1) + "-evidence", "Evidence for " + shown.group(1)));
            }
            var saved = lead.postRepeated(path + "/sections/leadership", f);
            if (saved.status() != 303) {
                throw new AssertionError("Leadership not saved: " + saved.status() + "\n" + saved.body());
            }
        }
        ReturnFilling.writeMissingActions(lead, path);
        lead.get(path + "/check");
        var submitted = lead.post(path + "/submit", "name", "Dee Esel", "role", "Designated safeguarding lead", "confirm", "true");
        if (submitted.status() != 303) {
            throw new AssertionError("Not submitted: " + submitted.status() + "\n" + submitted.body());
        }
    }

    /** Moves the clock forward to 9am in England on this day (never back). */
    void advanceTo(LocalDate day) {
        var target = day.atTime(LocalTime.of(9, 0)).atZone(Dates.ZONE).toInstant();
        Duration by = Duration.between(clock.instant(), target);
        if (!by.isNegative()) {
            clock.advance(by);
        }
    }

    LocalDate today() {
        return Dates.today(clock);
    }

    /** The day's chasing for the cycle, as the daily piece runs it, with the clock moved to that day. */
    ChaseOutcome runOn(Chased c, LocalDate day) {
        advanceTo(day);
        return run.run(lookup.terms(c.cycleId()), Dates.today(clock));
    }

    List<ChaseMessage> messages(Chased c) {
        return messages.findByCycleIdOrderByIdDesc(c.cycleId());
    }

    /** "REMINDER 28 LEAD SENT dsl12@chased.test", sorted: what was written for the cycle. */
    List<String> written(Chased c) {
        return messages(c).stream().map(m -> m.kind() + " " + m.step() + " " + m.recipientRole() + " " + m.status()
                + (m.recipientEmail() == null ? "" : " " + m.recipientEmail())).sorted().toList();
    }
}
