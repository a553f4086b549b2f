package org.assure.returns;

import jakarta.inject.Inject;
import org.assure.access.Role;
import org.assure.audit.AuditTrail;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.ReturnFilling;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared set-up of the returns feature's web tests: a school with its lead and an open Section 175/157
 * 2025 cycle (rating questions on the RAG scale), and helpers to read and fill a section's form.
 */
abstract class ReturnWebTest extends WebTest {
    @Inject
    org.assure.banks.QuestionBanks banks;
    static final String SECTION = "/sections/leadership";
    static final List<String> LEADERSHIP = List.of("governance-accountability", "safeguarding-governor", "governor-training",
            "annual-safeguarding-report", "whole-school-approach", "local-arrangements");
    @Inject
    ReturnRepositories.Returns returnRows;
    @Inject
    AuditTrail audit;

    /** The return's own row, as stored now. */
    AuditReturn row(long returnId) {
        return returnRows.findById(returnId).orElseThrow();
    }

    /** A shortcut past the pages: puts the return in this status without the steps that lead there. */
    void forceStatus(long returnId, ReturnStatus status) {
        AuditReturn r = row(returnId);
        returnRows.update(new AuditReturn(r.id(), r.partnershipId(), r.cycleId(), r.organisationId(), status, r.createdAt(),
                r.lastActivityAt(), r.submittedAt(), r.version()));
    }

    record Setup(Partnership partnership, Organisation school, Fixtures.Person lead, Fixtures.Person admin, long returnId) {
        String path() {
            return "/returns/" + returnId;
        }

        String section() {
            return path() + SECTION;
        }
    }

    /** A partnership with one maintained school, its lead, and an open cycle with a deadline in 3 days. */
    Setup setup() {
        return setup(null);
    }

    /** As {@link #setup()}, with a final deadline this many days from today when not null. */
    Setup setup(Integer finalDeadlineDays) {
        Partnership p = fixtures.partnership();
        Organisation school = fixtures.school(p);
        Fixtures.Person admin = fixtures.admin(p);
        Fixtures.Person lead = fixtures.person(p, Role.ORGANISATION_LEAD, school);
        return new Setup(p, school, lead, admin, openCycle(admin, lead, "section-175/2025", finalDeadlineDays).returnId());
    }

    /** Opens a cycle on this bank version for the partnership's maintained schools; the cycle and the lead's newest return. */
    Opened openCycle(Fixtures.Person admin, Fixtures.Person lead, String bankVersion, Integer finalDeadlineDays) {
        TestBrowser a = signedIn(admin);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("name", "Schools audit " + Fixtures.next()),
                Map.entry("bank", bankVersion), Map.entry("audience", "TYPES"), Map.entry("kinds", "SCHOOL"),
                Map.entry("categories", "MAINTAINED")));
        date(f, "opens", today);
        date(f, "deadline", today.plusDays(3));
        if (finalDeadlineDays != null) {
            date(f, "final", today.plusDays(finalDeadlineDays));
        }
        var created = a.postRepeated("/cycles", f);
        assertEquals(303, created.status(), created.body());
        String location = created.location();
        long cycleId = Long.parseLong(location.substring("/cycles/".length(), location.indexOf('?')));
        assertEquals(303, a.post("/cycles/" + cycleId + "/open").status());
        String dashboard = signedIn(lead).get("/").body();
        Matcher m = Pattern.compile("href=\"/returns/(\\d+)\"").matcher(dashboard);
        long newest = 0;
        while (m.find()) {
            newest = Math.max(newest, Long.parseLong(m.group(1)));
        }
        assertTrue(newest > 0, dashboard);
        assertContains(dashboard, "Your returns", "3 days left", "Not started");
        return new Opened(cycleId, newest);
    }

    record Opened(long cycleId, long returnId) {
    }

    private static void date(List<Map.Entry<String, String>> f, String name, LocalDate d) {
        f.add(Map.entry(name + "Day", String.valueOf(d.getDayOfMonth())));
        f.add(Map.entry(name + "Month", String.valueOf(d.getMonthValue())));
        f.add(Map.entry(name + "Year", String.valueOf(d.getYear())));
    }

    static void assertContains(String body, String... texts) {
        for (String t : texts) {
            assertTrue(body.contains(t), () -> "Expected «" + t + "» in:\n" + body);
        }
    }

    /** The section form as shown (versions from the hidden fields) with these fields set. */
    static List<Map.Entry<String, String>> form(String page, String... keyValues) {
        return ReturnFilling.versions(page, keyValues);
    }

    static List<Map.Entry<String, String>> hidden(String page) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        Matcher m = Pattern.compile("type=\"hidden\" name=\"([a-z0-9-]+)\" value=\"([^\"]*)\"").matcher(page);
        while (m.find()) {
            f.add(Map.entry(m.group(1), m.group(2)));
        }
        return f;
    }

    /** Completes every section on the lead's task list by real form posts (see {@link ReturnFilling}). */
    void completeEverySection(TestBrowser lead, Setup s) {
        ReturnFilling.completeEverySection(lead, s.path(), banks.get("section-175", "2025"));
    }

    /**
     * What a browser would post from the page as shown: every text field's value, every checked radio and
     * checkbox, every textarea's text, then these fields in place of the page's.
     */
    static List<Map.Entry<String, String>> asShown(String page, String... keyValues) {
        Map<String, String> replaced = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            replaced.put(keyValues[i], keyValues[i + 1]);
        }
        List<Map.Entry<String, String>> f = new ArrayList<>();
        String form = page.substring(page.indexOf("<form method=\"post\" action=\"/returns/"));
        Matcher inputs = Pattern.compile("<input ([^>]*)>").matcher(form);
        while (inputs.find()) {
            String tag = inputs.group(1);
            String name = attr(tag, "name");
            String type = attr(tag, "type");
            if (name == null || name.equals("_csrf") || replaced.containsKey(name)) continue;
            if ((type.equals("radio") || type.equals("checkbox")) && !tag.contains(" checked")) continue;
            f.add(Map.entry(name, org.assure.testsupport.TestBrowser.unescape(attr(tag, "value"))));
        }
        Matcher areas = Pattern.compile("<textarea [^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(form);
        while (areas.find()) {
            if (!replaced.containsKey(areas.group(1))) {
                f.add(Map.entry(areas.group(1), org.assure.testsupport.TestBrowser.unescape(areas.group(2))));
            }
        }
        replaced.forEach((k, v) -> f.add(Map.entry(k, v)));
        return f;
    }

    private static String attr(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    /** Every question of the leadership section rated GREEN with evidence (local arrangements N/A with a reason). */
    static List<Map.Entry<String, String>> leadershipComplete(String page, String action) {
        List<Map.Entry<String, String>> all = form(page, "complete", "true", "action", action);
        for (String k : LEADERSHIP) {
            all.add(Map.entry(k, k.equals("local-arrangements") ? "NA" : "GREEN"));
            all.add(Map.entry(k + "-evidence", "Evidence for " + k));
        }
        all.add(Map.entry("local-arrangements-reason", "We are not in that area"));
        return all;
    }
}
