package org.assure.sampling;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.kernel.Dates;
import org.assure.notify.Outbox;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dip sample pages: a draw, its record, verify, replace, CSV, a re-run, bad input and other people's draws. */
@MicronautTest(transactional = false)
class DipSampleWebTest extends WebTest {
    @Inject
    CycleService cycles;
    @Inject
    DipSampleRepositories.Runs runs;
    @Inject
    DipSampleRepositories.Schools schools;
    @Inject
    Outbox outbox;
    @Inject
    DipSampling sampling;
    @Inject
    org.assure.audit.AuditTrail audit;

    record Setup(Partnership p, Fixtures.Person admin, List<Organisation> schools, long cycleId) {
        String path() {
            return "/cycles/" + cycleId + "/dip-sample";
        }
    }

    Setup setup(int count) {
        Partnership p = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(p);
        List<Organisation> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(fixtures.school(p));
        }
        return cycleFor(p, admin, list);
    }

    /** Another cycle of the same bank for the same schools. */
    Setup cycleFor(Partnership p, Fixtures.Person admin, List<Organisation> list) {
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(30);
        CurrentUser a = new CurrentUser(admin.id(), p.id(), p.name(), admin.email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        long cycleId = cycles.createAndOpen(a, new CycleForms.CycleForm("Dip " + Fixtures.next(), "section-175/2025", "CHOSEN", List.of(), List.of(),
                List.of(), list.stream().map(o -> String.valueOf(o.id())).toList(), s(today.getDayOfMonth()), s(today.getMonthValue()),
                s(today.getYear()), s(deadline.getDayOfMonth()), s(deadline.getMonthValue()), s(deadline.getYear()), null, null, null, null, null,
                null, null));
        return new Setup(p, admin, list, cycleId);
    }

    private static String s(int n) {
        return String.valueOf(n);
    }

    private static TestBrowser.Page draw(TestBrowser b, Setup s, String size, String seed, String... more) {
        List<String> fields = new ArrayList<>(List.of("sampleSize", size, "exclusionYears", "3", "excludeGoingToPanel", "true", "stratify", "NONE",
                "seedChoice", seed == null ? "DRAW" : "TYPED", "seed", seed == null ? "" : seed));
        fields.addAll(List.of(more));
        b.get(s.path());
        return b.post(s.path(), fields.toArray(String[]::new));
    }

    @Test
    void aDrawIsStoredShownVerifiedListedAndEmailed() {
        Setup s = setup(6);
        TestBrowser admin = signedIn(s.admin());
        String form = admin.get(s.path()).body();
        assertTrue(form.contains("value=\"5\"") && form.contains("No sample has been drawn"), form);
        var drawn = draw(admin, s, "2", "7 12 19 33 41 58");
        assertEquals(303, drawn.status(), drawn.body());
        String record = admin.get(drawn.location()).body();
        String fingerprint = DipSampler.fingerprint(s.schools().stream().map(Organisation::urn).toList());
        assertTrue(record.contains(fingerprint) && record.contains("7 12 19 33 41 58"), record);
        for (Organisation o : s.schools()) {
            assertTrue(record.contains(DipSampler.ticket("7 12 19 33 41 58", o.urn())), "every ticket shown: " + o.urn());
        }
        assertTrue(record.contains("The 2 schools with the lowest tickets were picked."), record);
        DipSampleRepositories.Run current = runs.findByCycleIdOrderByIdDesc(s.cycleId()).get(0);
        assertEquals(2, schools.findByRunIdOrderById(current.id()).stream().filter(DipSampleRepositories.School::picked).count());
        long emails = outbox.recent(s.p().id()).stream().filter(e -> "dip-sample-picked".equals(e.kind())).count();
        assertEquals(2, emails, "each picked school's DSL (the fixture schools have no headteacher address)");
        String runPath = s.path() + "/" + current.id();

        var verified = admin.post(runPath + "/verify");
        assertEquals(200, verified.status());
        assertTrue(verified.body().contains("Verified: the fingerprint, every ticket"), verified.body());

        var csv = admin.get(runPath + "/eligible.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("URN,School,Stratum,Text to hash (SHA-256),Ticket,Picked"), csv.body());
        assertEquals(7, csv.body().split("\r\n").length, csv.body());
        assertTrue(csv.body().contains("7 12 19 33 41 58:" + s.schools().get(0).urn()), csv.body());

        // replace: a crafted school refused, a reason needed; then the next ticket takes the place
        admin.get(runPath);
        var crafted = admin.post(runPath + "/replace", "school", "999999999", "replaceReason", "Closed");
        assertEquals(422, crafted.status());
        assertTrue(crafted.body().contains("Choose the picked school to replace"), crafted.body());
        long picked = schools.findByRunIdOrderById(current.id()).stream().filter(DipSampleRepositories.School::picked).findFirst().orElseThrow()
                .organisationId();
        var noReason = admin.post(runPath + "/replace", "school", String.valueOf(picked), "replaceReason", " ");
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("Say why the school is replaced"), noReason.body());
        var replaced = admin.post(runPath + "/replace", "school", String.valueOf(picked), "replaceReason", "The school closed in <b>July</b>");
        assertEquals(303, replaced.status(), replaced.body());
        String after = admin.get(runPath).body();
        assertTrue(after.contains("The school closed in &lt;b&gt;July&lt;/b&gt;"), after);
        assertTrue(admin.post(runPath + "/verify").body().contains("Verified"), "the replacement recomputes too");
        assertEquals(2, schools.findByRunIdOrderById(current.id()).stream().filter(DipSampleRepositories.School::picked).count());

        // a re-run needs a reason and keeps the earlier record
        var noWhy = draw(admin, s, "2", null);
        assertEquals(422, noWhy.status());
        assertTrue(noWhy.body().contains("Say why the sample is drawn again"), noWhy.body());
        assertEquals(1, runs.findByCycleIdOrderByIdDesc(s.cycleId()).size(), "nothing stored");
        var again = draw(admin, s, "3", null, "reason", "The seed was announced before the list was frozen");
        assertEquals(303, again.status(), again.body());
        List<DipSampleRepositories.Run> both = runs.findByCycleIdOrderByIdDesc(s.cycleId());
        assertEquals(2, both.size());
        assertEquals(both.get(0).id(), both.get(1).followedByRunId());
        assertEquals(both.get(1).id(), both.get(0).earlierRunId());
        assertEquals(current.seed(), both.get(1).seed(), "the earlier record is kept as it was");
        assertTrue(audit.history(s.p().id(), DipSampleAudit.KIND, both.get(0).id()).stream().anyMatch(e -> e.is(DipSampleAudit.RE_RUN)));
        assertTrue(audit.history(s.p().id(), DipSampleAudit.KIND, current.id()).stream().anyMatch(e -> e.is(DipSampleAudit.REPLACED)));
        assertTrue(audit.history(s.p().id(), DipSampleAudit.KIND, current.id()).stream().anyMatch(e -> e.is(DipSampleAudit.VERIFIED)));
        String list = admin.get(s.path()).body();
        assertTrue(list.contains("Followed by a re-run") && list.contains("The seed was announced before the list was frozen"), list);
        String earlier = admin.get(runPath).body();
        assertTrue(earlier.contains("This draw was followed by a re-run") && !earlier.contains("Replace the school"), earlier);
    }

    @Test
    void badInputIsRefusedWhereItWasTypedAndNothingIsStored() {
        Setup s = setup(2);
        TestBrowser admin = signedIn(s.admin());
        record Case(String field, String value, String message) {
        }
        for (Case c : List.of(new Case("sampleSize", "0", "The sample size must be between 1 and 50"),
                new Case("sampleSize", "51", "The sample size must be between 1 and 50"),
                new Case("sampleSize", "five", "The sample size must be a whole number"),
                new Case("sampleSize", "", "Enter how many schools to pick"),
                new Case("exclusionYears", "-1", "The exclusion window must be between 0 and 10"),
                new Case("stratify", "PHASE' OR 1=1", "Choose whether to stratify"),
                new Case("seedChoice", "CHEAT", "Choose whether to type a seed"))) {
            admin.get(s.path());
            List<String> fields = new ArrayList<>(List.of("sampleSize", "2", "exclusionYears", "3", "stratify", "NONE", "seedChoice", "DRAW"));
            int at = fields.indexOf(c.field());
            fields.set(at + 1, c.value());
            var page = admin.post(s.path(), fields.toArray(String[]::new));
            assertEquals(422, page.status(), c.toString());
            assertTrue(page.body().contains(c.message()), c + ": " + page.body());
            assertFalse(page.body().contains("Exception"), page.body());
        }
        var longSeed = draw(admin, s, "2", "x".repeat(201));
        assertEquals(422, longSeed.status());
        assertTrue(longSeed.body().contains("The seed must be 200 characters or fewer") && longSeed.body().contains("x".repeat(201)), longSeed.body());
        var noSeed = draw(admin, s, "2", " ");
        assertTrue(noSeed.body().contains("Enter the seed"), noSeed.body());
        var typedKept = draw(admin, s, "five", "<script>alert(1)</script>");
        assertTrue(typedKept.body().contains("value=\"five\"") && typedKept.body().contains("&lt;script&gt;"), typedKept.body());
        assertTrue(runs.findByCycleIdOrderByIdDesc(s.cycleId()).isEmpty());
    }

    @Test
    void tooFewAreAllPickedAndNoneIsAClearMessage() {
        Setup s = setup(2);
        TestBrowser admin = signedIn(s.admin());
        var few = draw(admin, s, "5", "seed one");
        assertEquals(303, few.status(), few.body());
        assertTrue(admin.get(few.location()).body().contains("Only 2 schools are eligible, fewer than the 5 asked for, so all 2 are picked."));

        Setup t = setup(2);
        TestBrowser other = signedIn(t.admin());
        var none = draw(other, t, "2", "seed", "onlySubmitted", "true");
        assertEquals(422, none.status());
        assertTrue(none.body().contains("No school is eligible: all 2 were left out"), none.body());
        assertTrue(runs.findByCycleIdOrderByIdDesc(t.cycleId()).isEmpty(), "nothing stored");
    }

    @Test
    void aSchoolPickedInAnEarlierCycleOfTheBankIsLeftOutWithinTheWindow() {
        Setup first = setup(3);
        TestBrowser admin = signedIn(first.admin());
        assertEquals(303, draw(admin, first, "1", "first seed").status());
        long picked = schools.findByRunIdOrderById(runs.findByCycleIdOrderByIdDesc(first.cycleId()).get(0).id()).stream()
                .filter(DipSampleRepositories.School::picked).findFirst().orElseThrow().organisationId();
        Setup second = cycleFor(first.p(), first.admin(), first.schools());
        var drawn = draw(admin, second, "3", "second seed");
        assertEquals(303, drawn.status(), drawn.body());
        String record = admin.get(drawn.location()).body();
        assertTrue(record.contains("sampled within the window on " + Dates.date(Dates.today(clock))), record);
        var eligible = schools.findByRunIdOrderById(runs.findByCycleIdOrderByIdDesc(second.cycleId()).get(0).id());
        assertEquals(List.of(picked), eligible.stream().filter(x -> !x.eligible()).map(DipSampleRepositories.School::organisationId).toList());
        assertEquals(2, eligible.stream().filter(DipSampleRepositories.School::picked).count(), "the other two, all there are");
    }

    @Test
    void twoAdminsDrawingAtOnceMakeOneCurrentDraw() throws Exception {
        Setup s = setup(3);
        CurrentUser a = new CurrentUser(s.admin().id(), s.p().id(), s.p().name(), s.admin().email(), "Admin", Set.of(Roles.ADMIN), Set.of());
        var form = new DipSampling.RunForm("1", null, "3", "true", "NONE", "DRAW", null, null);
        List<String> outcomes = org.assure.testsupport.Concurrently.times(4, () -> {
            try {
                return sampling.run(a, s.cycleId(), form).isValid() ? "drawn" : "invalid";
            } catch (org.assure.kernel.Refusal r) {
                return "refused";
            } catch (RuntimeException e) {
                return "refused"; // a lock wait ended by the database is a refusal too, never two current draws
            }
        });
        assertTrue(outcomes.contains("drawn"), outcomes.toString());
        List<DipSampleRepositories.Run> all = runs.findByCycleIdOrderByIdDesc(s.cycleId());
        assertEquals(1, all.stream().filter(r -> r.followedByRunId() == null).count(), "one current draw: " + outcomes);
    }

    @Test
    void anotherPartnershipsCycleIsNotFoundAndALeadIsRefused() {
        Setup s = setup(2);
        TestBrowser admin = signedIn(s.admin());
        var drawn = draw(admin, s, "1", null);
        long runId = runs.findByCycleIdOrderByIdDesc(s.cycleId()).get(0).id();
        Setup far = setup(1);
        TestBrowser farAdmin = signedIn(far.admin());
        assertEquals(404, farAdmin.get(s.path()).status());
        assertEquals(404, farAdmin.get(s.path() + "/" + runId).status());
        assertEquals(404, farAdmin.get(s.path() + "/" + runId + "/eligible.csv").status());
        assertEquals(404, farAdmin.get(far.path() + "/" + runId).status(), "a run of another cycle under one's own cycle's path");
        farAdmin.get(far.path());
        assertEquals(404, farAdmin.post(s.path() + "/" + runId + "/verify").status());
        TestBrowser lead = signedIn(fixtures.person(s.p(), Role.ORGANISATION_LEAD, s.schools().get(0)));
        assertEquals(403, lead.get(s.path()).status());
        assertEquals(403, lead.get(drawn.location()).status());
    }

}
