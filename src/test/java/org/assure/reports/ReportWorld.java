package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.demo.WholeReturns;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.returns.AnswerInput;
import org.assure.returns.SectionForm;
import org.assure.returns.SectionPages;
import org.assure.returns.SectionSaving;
import org.assure.returns.Submissions;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cycle report's hand-counted fixture, built through the services (the report's page tests and its workbook's read
 * the same figures): six schools in a cycle, five submitted (four on time, one late after the clock passes the deadline),
 * one outstanding. Every rated question is Green except two of the first section ("leadership", six rated questions):
 * governance-accountability is Green, Green, Amber, Red and Not applicable across the five; safeguarding-governor is Red
 * at one school. So leadership has 30 answers, 1 not applicable, a base of 29: 26 Green, 1 Amber, 2 Red.
 * <p>For the breakdowns (ADR 0046) schools 0–2 are Primary, 3–4 Secondary (an Amber/Red school and the late one) and 5
 * (outstanding) Nursery; schools 3–4 are academies, the rest maintained. Four returns are first submitted on the day the
 * cycle opens, the fifth twelve days later, two days after the deadline. Each call builds a new, unrelated world (and
 * moves the test clock on twelve days).
 */
@Singleton
class ReportWorld {
    static final String FIRST = "governance-accountability";
    static final String SECOND = "safeguarding-governor";

    private final Fixtures fixtures;
    private final TestClock clock;
    private final CycleService cycles;
    private final WholeReturns wholeReturns;
    private final SectionPages pages;
    private final SectionSaving saving;
    private final Submissions submissions;
    private final QuestionBanks banks;
    private final TransactionOperations<Connection> transactions;

    ReportWorld(Fixtures fixtures, TestClock clock, CycleService cycles, WholeReturns wholeReturns, SectionPages pages, SectionSaving saving,
                Submissions submissions, QuestionBanks banks, @Named("default") TransactionOperations<Connection> transactions) {
        this.fixtures = fixtures;
        this.clock = clock;
        this.cycles = cycles;
        this.wholeReturns = wholeReturns;
        this.pages = pages;
        this.saving = saving;
        this.submissions = submissions;
        this.banks = banks;
        this.transactions = transactions;
    }

    /** The world: {@code lead} is school 0's lead, {@code opened} the day the cycle opened. */
    record World(Partnership p, Fixtures.Person admin, Fixtures.Person viewer, Fixtures.Person lead, List<Organisation> schools, long cycleId,
                 LocalDate opened) {
    }

    World build() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        Fixtures.Person viewer = fixtures.person(p, Role.BOARD_VIEWER);
        List<Organisation> schools = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            schools.add(fixtures.school(p));
        }
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, schools.get(0));
        CurrentUser adminUser = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        LocalDate today = Dates.today(clock);
        long cycleId = cycle(adminUser, "Report cycle " + Fixtures.next(), schools);
        String[] phases = {"PRIMARY", "PRIMARY", "PRIMARY", "SECONDARY", "SECONDARY", "NURSERY"};
        for (int i = 0; i < 6; i++) {
            describe(schools.get(i), phases[i], i == 3 || i == 4 ? "ACADEMY" : "MAINTAINED");
        }
        String[] first = {"GREEN", "GREEN", "AMBER", "RED", "NA"};
        for (int i = 0; i < 5; i++) {
            if (i == 4) {
                clock.advance(Duration.ofDays(12)); // the fifth submits two days after the deadline
            }
            submit(p, cycleId, schools.get(i), Map.of(SECOND, i == 1 ? "RED" : "GREEN"), first[i].equals("GREEN") ? null : first[i]);
        }
        return new World(p, admin, viewer, lead, List.copyOf(schools), cycleId, today);
    }

    private void describe(Organisation school, String phase, String category) {
        transactions.executeWrite(status -> {
            try (PreparedStatement st = status.getConnection().prepareStatement("UPDATE organisation SET phase = ?, category = ? WHERE id = ?")) {
                st.setString(1, phase);
                st.setString(2, category);
                st.setLong(3, school.id());
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A cycle of the section 175 bank, opening today with a deadline in ten days, for these schools. */
    long cycle(CurrentUser admin, String name, List<Organisation> schools) {
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(10);
        return cycles.createAndOpen(admin, new CycleForms.CycleForm(name, "section-175/2025", "CHOSEN", List.of(), List.of(), List.of(),
                schools.stream().map(o -> String.valueOf(o.id())).toList(), str(today.getDayOfMonth()), str(today.getMonthValue()),
                str(today.getYear()), str(deadline.getDayOfMonth()), str(deadline.getMonthValue()), str(deadline.getYear()),
                null, null, null, null, null, null, null));
    }

    /**
     * Completes and submits a school's return, by a new lead of the school: every rated question Green but those in
     * {@code ratings}; {@code firstSaved}, when given, is saved afterwards for {@link #FIRST} on its own (not applicable
     * takes a reason the demo's answers do not give). Returns the return's id.
     */
    long submit(Partnership p, long cycleId, Organisation school, Map<String, String> ratings, @Nullable String firstSaved) {
        Fixtures.Person leadOf = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        CurrentUser user = new CurrentUser(leadOf.id(), p.id(), p.name(), leadOf.email(), "Lead", Set.of(Roles.LEAD), Set.of(school.id()));
        long returnId = cycles.returnOf(cycleId, school.id()).orElseThrow();
        Map<String, String> all = new HashMap<>();
        for (BankModel.Question q : banks.get("section-175", "2025").questions()) {
            if (q.type() == BankModel.QuestionType.RATING) {
                all.put(q.key(), "GREEN");
            }
        }
        all.putAll(ratings);
        wholeReturns.complete(user, returnId, 0, all);
        if (firstSaved != null) {
            var view = pages.section(user, returnId, "leadership").questions().stream().filter(v -> v.question().key().equals(FIRST)).findFirst()
                    .orElseThrow();
            AnswerInput answer = new AnswerInput(firstSaved, List.of(), firstSaved.equals("NA") ? "" : "Reviewed by governors this term.",
                    firstSaved.equals("NA") ? "The school has no governing body of its own." : "", "", "", "", view.entry().version(), true);
            var saved = saving.save(user, returnId, "leadership", new SectionForm(Map.of(FIRST, answer), true, SectionForm.Next.LATER));
            assertTrue(saved.errors().isEmpty(), "saved " + firstSaved + ": " + saved.errors());
        }
        wholeReturns.writeActions(user, returnId, Dates.today(clock));
        var done = submissions.submit(user, returnId, new Submissions.DeclarationForm("Dee Esel", "DSL", "true"), FormErrors.none());
        assertTrue(done.isValid(), "submitted");
        return returnId;
    }

    private static String str(long n) {
        return String.valueOf(n);
    }
}
