package org.assure.actions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.banks.BankComparison;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open actions written on a school's 2024 return show on its 2025 return next to the questions they came from, through
 * the shipped bank's real lineage: a renamed question, a split one (on each part) and a removed one (listed apart, with
 * the reason). They are read, not copied; a withdrawn one does not carry; another school's return shows none of them.
 */
@MicronautTest(transactional = false)
class ActionCarryForwardWebTest extends WebTest {
    @Inject
    QuestionBanks banks;
    @Inject
    ActionRepositories.Items items;

    record Opened(long cycleId, Map<Long, Long> returnsByLead) {
    }

    @Test
    void openActionsCarryThroughLineageToTheNextReturnOfTheSameOrganisationOnly() {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Organisation other = fixtures.school(p);
        Fixtures.Person admin = fixtures.admin(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        Fixtures.Person otherLead = fixtures.person(p, Role.ORGANISATION_LEAD, other);
        BankModel.Version v2024 = banks.get("section-175", "2024");
        BankModel.Version v2025 = banks.get("section-175", "2025");
        BankModel.Question renamed = v2025.questions().stream().filter(q -> q.replaces().equals(List.of("persistent-absence"))).findFirst().orElseThrow();
        List<BankModel.Question> parts = v2025.questions().stream().filter(q -> "filtering-monitoring".equals(q.splitFrom())).toList();
        assertTrue(parts.size() >= 2, "a real split");

        long lastCycle = openCycle(admin, "section-175/2024");
        long lastReturn = newestReturn(lead);
        String last = "/returns/" + lastReturn;
        TestBrowser leadBrowser = signedIn(lead);
        Set<String> sections = sectionsOf(leadBrowser.get(last).body());
        // a question 2025 no longer asks (nothing descends from it), in a section this school is asked
        BankModel.Question removed = BankComparison.compare(List.of(v2024, v2025), v2024, v2025).of(BankComparison.Kind.REMOVED).stream()
                .map(c -> v2024.question(c.before().get(0).key()).orElseThrow())
                .filter(q -> sections.contains(v2024.sectionOfQuestion().get(q.key()).key())).findFirst().orElseThrow();

        long renamedAction = write(leadBrowser, last, "persistent-absence", "Follow up every persistent absence within a week");
        long splitAction = write(leadBrowser, last, "filtering-monitoring", "Test the filtering every term");
        long removedAction = write(leadBrowser, last, removed.key(), "Put right what was found on " + removed.key());
        long withdrawn = write(leadBrowser, last, "persistent-absence", "A duplicate to withdraw");
        leadBrowser.get("/actions/" + withdrawn);
        assertEquals(303, leadBrowser.post("/actions/" + withdrawn + "/withdraw", "withdrawReason", "Written twice").status());
        assertEquals(303, signedIn(admin).post("/cycles/" + lastCycle + "/close").status());

        clock.advance(Duration.ofDays(1));
        openCycle(admin, "section-175/2025");
        long now = newestReturn(lead);
        assertTrue(now != lastReturn, signedIn(lead).get("/").body());
        String path = "/returns/" + now;
        long before = items.count();

        leadBrowser = signedIn(lead); // a day on, the old session has expired
        String tasks = leadBrowser.get(path).body();
        assertTrue(tasks.contains("From last cycle's action plan: Follow up every persistent absence within a week</a>, due "), tasks);
        assertTrue(tasks.contains("href=\"/actions/" + renamedAction + "\""), tasks);
        assertTrue(tasks.contains("From last cycle's action plan: Test the filtering every term"), tasks);
        assertEquals(1, count(tasks, "Test the filtering every term"), "once on the task list, though both parts of the split carry it");
        assertFalse(tasks.contains("A duplicate to withdraw"), "a withdrawn action is finished with");
        assertTrue(tasks.contains("Actions still open from earlier cycles"), tasks);
        int unmatched = tasks.indexOf("Actions still open from earlier cycles");
        assertTrue(tasks.indexOf("href=\"/actions/" + removedAction + "\"") > unmatched, "the removed question's action is listed apart");
        assertTrue(tasks.contains("is no longer asked: nothing in this version descends from it"), tasks);
        assertFalse(tasks.substring(unmatched).contains("Follow up every persistent absence"), "the renamed question's action has its place");

        // next to the question on its section page: the renamed question, and each part of the split
        String attendance = leadBrowser.get(path + "/sections/" + v2025.sectionOfQuestion().get(renamed.key()).key()).body();
        assertTrue(attendance.contains("From last cycle's action plan: Follow up every persistent absence within a week"), attendance);
        String online = leadBrowser.get(path + "/sections/" + v2025.sectionOfQuestion().get(parts.get(0).key()).key()).body();
        assertEquals(parts.size(), count(online, "From last cycle's action plan: Test the filtering every term"), "on each part of the split");

        // the return's action plan lists them; nothing was copied
        String plan = leadBrowser.get(path + "/actions").body();
        assertTrue(plan.contains("Carried from earlier cycles") && plan.contains("Follow up every persistent absence within a week")
                && plan.contains("Actions still open from earlier cycles"), plan);
        assertEquals(before, items.count(), "carrying forward writes no action");
        assertEquals(lastReturn, items.findById(renamedAction).orElseThrow().returnId(), "the action stays on the return it was written on");
        assertEquals(lastReturn, items.findById(splitAction).orElseThrow().returnId());

        // another organisation's return, in the same cycle, shows none of them
        long others = newestReturn(otherLead);
        String otherTasks = signedIn(otherLead).get("/returns/" + others).body();
        assertFalse(otherTasks.contains("From last cycle's action plan"), otherTasks);
        assertFalse(otherTasks.contains("Actions still open from earlier cycles"), otherTasks);

        // verified or withdrawn, an action no longer carries
        leadBrowser.get("/actions/" + removedAction);
        assertEquals(303, leadBrowser.post("/actions/" + removedAction + "/withdraw", "withdrawReason", "No longer asked").status());
        assertFalse(leadBrowser.get(path).body().contains("Actions still open from earlier cycles"));
    }

    private long write(TestBrowser lead, String path, String key, String what) {
        LocalDate due = LocalDate.now().plusYears(3);
        lead.get(path + "/actions");
        var written = lead.post(path + "/actions", "questionKey", key, "what", what, "ownerName", "Dee Esel", "ownerRole", "DSL",
                "ownerEmail", "dsl@example.org", "dueDay", String.valueOf(due.getDayOfMonth()), "dueMonth", String.valueOf(due.getMonthValue()),
                "dueYear", String.valueOf(due.getYear()));
        assertEquals(303, written.status(), written.body());
        return items.findByReturnIdOrderById(Long.parseLong(path.substring("/returns/".length()))).stream().filter(i -> i.what().equals(what))
                .findFirst().orElseThrow().id();
    }

    private static int count(String page, String text) {
        int n = 0;
        for (int at = page.indexOf(text); at >= 0; at = page.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }

    private static Set<String> sectionsOf(String taskList) {
        Matcher m = Pattern.compile("href=\"/returns/\\d+/sections/([a-z0-9-]+)\"").matcher(taskList);
        Set<String> keys = new HashSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private long newestReturn(Fixtures.Person lead) {
        Matcher m = Pattern.compile("href=\"/returns/(\\d+)\"").matcher(signedIn(lead).get("/").body());
        long newest = 0;
        while (m.find()) {
            newest = Math.max(newest, Long.parseLong(m.group(1)));
        }
        assertTrue(newest > 0);
        return newest;
    }

    /** A cycle on this bank version for the partnership's maintained schools, opened. */
    private long openCycle(Fixtures.Person admin, String bankVersion) {
        TestBrowser a = signedIn(admin);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("name", "Schools audit " + Fixtures.next()),
                Map.entry("bank", bankVersion), Map.entry("audience", "TYPES"), Map.entry("kinds", "SCHOOL"), Map.entry("categories", "MAINTAINED")));
        date(f, "opens", today);
        date(f, "deadline", today.plusDays(3));
        var created = a.postRepeated("/cycles", f);
        assertEquals(303, created.status(), created.body());
        long cycleId = Long.parseLong(created.location().substring("/cycles/".length(), created.location().indexOf('?')));
        assertEquals(303, a.post("/cycles/" + cycleId + "/open").status());
        return cycleId;
    }

    private static void date(List<Map.Entry<String, String>> f, String name, LocalDate d) {
        f.add(Map.entry(name + "Day", String.valueOf(d.getDayOfMonth())));
        f.add(Map.entry(name + "Month", String.valueOf(d.getMonthValue())));
        f.add(Map.entry(name + "Year", String.valueOf(d.getYear())));
    }
}
