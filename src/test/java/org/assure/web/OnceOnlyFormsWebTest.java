package org.assure.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.jobs.DueWorkRunner;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-time form id mechanism itself ({@link OnceOnlyForms}), on test-only forms whose first post can be held
 * open, re-shown or failed ({@link SlowFormController}). The features' own forms posted twice are in
 * {@link DoubleSubmitWebTest}; that every form carries an id is in {@link EveryFormCarriesAFormIdWebTest}.
 */
@MicronautTest(transactional = false)
@Property(name = "test.slow-form-controller", value = "true")
@Property(name = "assure.forms.max-anonymous-claims", value = "100")
@Property(name = "assure.forms.wait-for-first", value = "3s")
class OnceOnlyFormsWebTest extends WebTest {
    private static final String CHANGE = "/test-forms/change";
    @Inject
    FormSubmissionRepository submissions;
    @Inject
    DueWorkRunner runner;

    @BeforeEach
    void nothingHeld() {
        SlowFormController.entered = new CountDownLatch(1);
        SlowFormController.release = new CountDownLatch(0);
    }

    /** Signed in, so the anonymous cap (which another test fills) does not apply. */
    private TestBrowser onTheForm() {
        TestBrowser b = signedIn(fixtures.admin(fixtures.partnership()));
        b.get("/test-forms");
        return b;
    }

    private static TestBrowser.Page send(TestBrowser b, String formId, String outcome) {
        return b.post(CHANGE, "_form", formId, "outcome", outcome);
    }

    @Test
    void aSecondClickWhileTheFirstIsRunningWaitsForItAndGetsTheSameSuccessPage() throws Exception {
        TestBrowser b = onTheForm();
        String id = b.formId(CHANGE);
        TestBrowser second = b.twin();
        SlowFormController.release = new CountDownLatch(1);
        int before = SlowFormController.CHANGES.get();

        var first = CompletableFuture.supplyAsync(() -> send(b, id, "ok"));
        assertTrue(SlowFormController.entered.await(30, TimeUnit.SECONDS), "the first post reached its controller");
        var again = CompletableFuture.supplyAsync(() -> send(second, id, "ok"));
        assertThrows(TimeoutException.class, () -> again.get(500, TimeUnit.MILLISECONDS), "the second waits for the first");
        SlowFormController.release.countDown();

        TestBrowser.Page one = first.get(30, TimeUnit.SECONDS);
        TestBrowser.Page two = again.get(30, TimeUnit.SECONDS);
        assertEquals(303, one.status(), one.body());
        assertEquals(303, two.status(), two.body());
        assertEquals(one.location(), two.location(), "the same success page");
        assertEquals(before + 1, SlowFormController.CHANGES.get(), "one change");
        assertEquals(one.location(), send(b, id, "ok").location(), "and a third post, later, the same again");
        assertEquals(before + 1, SlowFormController.CHANGES.get());
    }

    @Test
    void aFirstPostStillRunningAfterTheWaitIsSaidSoAndNothingIsDoneTwice() throws Exception {
        TestBrowser b = onTheForm();
        String id = b.formId(CHANGE);
        SlowFormController.release = new CountDownLatch(1);
        int before = SlowFormController.CHANGES.get();
        var first = CompletableFuture.supplyAsync(() -> send(b, id, "ok"));
        assertTrue(SlowFormController.entered.await(30, TimeUnit.SECONDS));

        TestBrowser.Page waited = send(b.twin(), id, "ok"); // waits 3 seconds in this test's configuration
        assertEquals(409, waited.status());
        assertTrue(waited.body().contains("This form is still being sent"), waited.body());
        SlowFormController.release.countDown();
        assertEquals(303, first.get(30, TimeUnit.SECONDS).status());
        assertEquals(before + 1, SlowFormController.CHANGES.get());
    }

    @Test
    void aFormShownAgainWithErrorsOrThatFailedIsReleasedSoTheCorrectedPostGoesThrough() {
        TestBrowser b = onTheForm();
        String id = b.formId(CHANGE);
        int before = SlowFormController.CHANGES.get();
        assertEquals(422, send(b, id, "invalid").status());
        assertEquals(500, send(b, id, "fail").status());
        TestBrowser.Page ok = send(b, id, "ok");
        assertEquals(303, ok.status(), ok.body());
        assertEquals(before + 1, SlowFormController.CHANGES.get());
        assertEquals(ok.location(), send(b, id, "invalid").location(), "once it worked, the same success page whatever is posted");
        assertEquals(before + 1, SlowFormController.CHANGES.get());
    }

    @Test
    void postsWithoutAFormIdOrWithAMalformedOneRunAsTheyAlwaysDid() {
        TestBrowser b = onTheForm();
        int before = SlowFormController.CHANGES.get();
        List<String> ids = List.of("short", "x".repeat(65), "x".repeat(10_000), "<script>alert(1)</script>xxxxxx",
                "aaaaaaaaaaaaaaaa' OR '1'='1", "ééééééééééééééééé", "aaaaaaaa aaaaaaaaaa");
        assertEquals(303, b.post(CHANGE, "outcome", "ok").status());
        assertEquals(303, b.post(CHANGE, "outcome", "ok").status());
        for (String id : ids) {
            assertEquals(303, send(b, id, "ok").status(), id);
            assertEquals(303, send(b, id, "ok").status(), id);
        }
        assertEquals(before + 2 + 2 * ids.size(), SlowFormController.CHANGES.get(), "every post ran");
    }

    @Test
    void aFormIdIsTheBrowsersOwnAndBelongsToOneForm() {
        TestBrowser mine = onTheForm();
        String id = mine.formId(CHANGE);
        TestBrowser.Page first = send(mine, id, "ok");
        TestBrowser someoneElse = onTheForm();
        TestBrowser.Page theirs = send(someoneElse, id, "ok");
        assertEquals(303, theirs.status());
        assertNotEquals(first.location(), theirs.location(), "another browser's post with my form id is its own, and learns nothing of mine");

        TestBrowser.Page other = mine.post("/test-forms/other", "_form", id);
        assertEquals(303, other.status());
        assertTrue(other.location().startsWith("/test-forms?other="), "the same id on another form runs that form: " + other.location());
    }

    @Test
    void anonymousClaimsAreCappedSoAFloodCannotGrowTheTable() {
        TestBrowser b = browser();
        b.get("/test-forms");
        for (int i = 0; i < 300; i++) {
            TestBrowser.Page page = b.post("/test-forms/other", "_form", OnceOnlyForms.newId());
            assertEquals(303, page.status(), "a post past the cap still works");
        }
        assertTrue(submissions.countAnonymous() <= 100, "anonymous claims: " + submissions.countAnonymous());
    }

    private long claimedSince(Instant t) {
        return java.util.stream.StreamSupport.stream(submissions.findAll().spliterator(), false)
                .filter(c -> !c.claimedAt().isBefore(t)).count();
    }

    @Test
    void claimsGoAfterAnHourByTheDueWorkRunner() {
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(61))));
        TestBrowser b = onTheForm();
        String id = b.formId(CHANGE);
        Instant posted = clock.instant();
        TestBrowser.Page first = send(b, id, "ok");
        assertEquals(1, claimedSince(posted));

        clock.advance(Duration.ofMinutes(30));
        runner.runOnce();
        assertEquals(1, claimedSince(posted), "half an hour on: kept");
        clock.advance(Duration.ofMinutes(35));
        DueWorkRunner.Run run = runner.runOnce();
        assertEquals(1, run.of(FormSubmissionHousekeeping.NAME).done(), run.summary());
        assertTrue(run.summary().contains("expired form claim"), run.summary());
        assertEquals(0, submissions.count(), "over an hour on: gone, and every older one with it");
        List<String> locations = new ArrayList<>(List.of(first.location()));
        locations.add(send(b, id, "ok").location());
        assertNotEquals(locations.get(0), locations.get(1), "a form posted again after its claim went is a new post");
    }
}
