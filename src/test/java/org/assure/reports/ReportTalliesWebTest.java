package org.assure.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.cycles.CycleService;
import org.assure.kernel.FormErrors;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.returns.Submissions;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestDatabases;
import org.assure.testsupport.TestSql;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's tallies (ADR 0048) kept in step as returns are submitted, sent back and submitted again, equal to a count
 * from the answers; a cycle whose tallies were never built is counted the first time its report is read; another
 * partnership's cycle id builds nothing.
 */
@MicronautTest(transactional = false)
@Tag(TestDatabases.BOTH_DATABASES)
class ReportTalliesWebTest extends WebTest {
    static final String QUESTION = "governance-accountability";

    @Inject
    CycleService cycles;
    @Inject
    ReportWorld reportWorld;
    @Inject
    Submissions submissions;
    @Inject
    ReportTallies tallies;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TestSql sql;
    @Inject
    @Named("default")
    TransactionOperations<Connection> transactions;

    @Test
    void talliesFollowSubmissionsAndSendingBackAndEqualACountFromTheAnswers() {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        CurrentUser adminUser = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        List<Organisation> schools = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            schools.add(fixtures.school(p));
        }
        long cycleId = cycle(adminUser, schools);

        long a = submit(p, cycleId, schools.get(0), "GREEN");
        assertEquals(Map.of("GREEN", 1L), question(cycleId), "the first submission builds the cycle's tallies");
        long b = submit(p, cycleId, schools.get(1), "RED");
        assertEquals(Map.of("GREEN", 1L, "RED", 1L), question(cycleId));

        var sent = submissions.returnForChanges(adminUser, b, new Submissions.ReturnForm("Evidence missing for governance"), FormErrors.none());
        assertTrue(sent.isValid(), "sent back");
        assertEquals(Map.of("GREEN", 1L), question(cycleId), "a return sent back stops counting");
        assertEquals(0, sectionRows(b), "and its section rows go");

        submit(p, cycleId, schools.get(1), "AMBER"); // submitted again, answered differently
        submit(p, cycleId, schools.get(2), "AMBER");
        assertEquals(Map.of("GREEN", 1L, "AMBER", 2L), question(cycleId));
        assertTrue(sectionRows(a) > 0 && sectionRows(b) > 0, "a section row per rating for each standing return");

        Map<String, Long> kept = snapshot(cycleId);
        tallies.rebuild(p.id(), cycleId);
        assertEquals(kept, snapshot(cycleId), "kept in step: the same as counting again from the answers");

        // a cycle that predates the tallies: counted the first time its report is read
        for (String table : List.of("tally_question", "tally_section", "report_tally_built")) {
            sql.update("DELETE FROM " + table + " WHERE cycle_id = ?", cycleId);
        }
        assertEquals(Map.of(), snapshot(cycleId));
        assertEquals(200, signedIn(admin).get("/cycles/" + cycleId + "/report").status());
        assertEquals(kept, snapshot(cycleId));

        // another partnership's admin asking for this cycle's report builds nothing for it and learns nothing
        Partnership other = fixtures.partnership();
        sql.update("DELETE FROM report_tally_built WHERE cycle_id = ?", cycleId);
        assertEquals(404, signedIn(fixtures.admin(other)).get("/cycles/" + cycleId + "/report").status());
        assertFalse(built(cycleId), "not marked built by a stranger's request");
    }

    private long cycle(CurrentUser admin, List<Organisation> schools) {
        return reportWorld.cycle(admin, "Tally cycle " + Fixtures.next(), schools);
    }

    private long submit(Partnership p, long cycleId, Organisation school, String rating) {
        return reportWorld.submit(p, cycleId, school, Map.of(QUESTION, rating), null);
    }

    /** The cycle's tally of the one question, by rating. */
    private Map<String, Long> question(long cycleId) {
        Map<String, Long> out = new HashMap<>();
        snapshot(cycleId).forEach((k, v) -> {
            if (k.startsWith("q " + QUESTION + " ")) {
                out.put(k.substring(k.lastIndexOf(' ') + 1), v);
            }
        });
        return out;
    }

    /** Every tally row of the cycle as "q question rating" or "s return section rating organisation" → answers. */
    private Map<String, Long> snapshot(long cycleId) {
        return transactions.executeRead(s -> {
            Map<String, Long> out = new HashMap<>();
            jdbc.prepareStatement("SELECT question_key, rating, answers FROM tally_question WHERE cycle_id = ? AND answers > 0", st -> {
                st.setLong(1, cycleId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put("q " + rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                    }
                }
                return null;
            });
            jdbc.prepareStatement("SELECT return_id, section_key, rating, organisation_id, answers FROM tally_section WHERE cycle_id = ?", st -> {
                st.setLong(1, cycleId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put("s " + rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4), rs.getLong(5));
                    }
                }
                return null;
            });
            return out;
        });
    }

    private long sectionRows(long returnId) {
        return sql.count("SELECT COUNT(*) FROM tally_section WHERE return_id = ?", returnId);
    }

    private boolean built(long cycleId) {
        return sql.count("SELECT COUNT(*) FROM report_tally_built WHERE cycle_id = ?", cycleId) > 0;
    }
}
