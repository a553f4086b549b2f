package org.assure.chasing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assure.chasing.ChasedCycles.Chased;
import org.assure.chasing.ChasingRepositories.ChaseMessage;
import org.assure.chasing.ChasingRepositories.PanelListEntry;
import org.assure.notify.Outbox;
import org.assure.notify.OutboxEmail;
import org.assure.partnerships.OfficerRole;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A submitted return with more answers rated not met (Red) than the cycle's threshold, or any among its critical
 * questions, is raised with the partnership's safeguarding executive and put on the assurance panel list; with no
 * executive recorded, the raising is recorded as not sent, with the reason.
 */
@MicronautTest(transactional = false)
class NonComplianceWebTest extends WebTest {
    @Inject
    ChasedCycles chased;
    @Inject
    ChasingRepositories.PanelList panelList;
    @Inject
    Outbox outbox;

    private void rules(Chased c, String... changes) {
        TestBrowser admin = signedIn(c.admin());
        String path = "/cycles/" + c.cycleId() + "/chasing/rules";
        var saved = admin.postRepeated(path, RulesFormTestData.defaultsWith(admin.get(path).body(), changes));
        assertEquals(303, saved.status(), saved.body());
    }

    private List<ChaseMessage> raised(Chased c, long returnId) {
        return chased.messages(c).stream().filter(m -> m.returnId() == returnId && m.kind().equals("NON_COMPLIANCE")).toList();
    }

    private OutboxEmail email(Chased c, long id) {
        return outbox.recent(c.p().id()).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private List<String> panel(Chased c) {
        return panelList.findByCycleIdOrderById(c.cycleId()).stream().map(e -> e.returnId() + " " + e.reason()).toList();
    }

    @Test
    void aRedAnswerOverAThresholdOfNoneWritesToEachExecutiveAndListsTheSchoolForThePanel() {
        Chased c = chased.cycle(2);
        String exec1 = chased.officer(c, OfficerRole.SAFEGUARDING_EXECUTIVE, "Sam Exec");
        String exec2 = chased.officer(c, OfficerRole.SAFEGUARDING_EXECUTIVE, "Pat Exec");
        chased.officer(c, OfficerRole.INDEPENDENT_SCRUTINEER, "Sue Scrutineer");
        rules(c, "threshold", "0");
        TestBrowser lead = signedIn(c.lead());
        chased.submit(lead, c.returnIds().get(0), Map.of());
        chased.submit(lead, c.returnIds().get(1), Map.of("governance-accountability", "RED"));

        assertTrue(raised(c, c.returnIds().get(0)).isEmpty(), "every answer Green: nothing to raise");
        List<ChaseMessage> raised = raised(c, c.returnIds().get(1));
        assertEquals(Set.of(exec1, exec2), raised.stream().map(ChaseMessage::recipientEmail).collect(Collectors.toSet()));
        assertTrue(raised.stream().allMatch(m -> m.sent() && m.recipientRole().equals("SAFEGUARDING_EXECUTIVE") && m.outboxId() != null), raised.toString());
        List<OutboxEmail> emails = raised.stream().map(m -> email(c, m.outboxId())).toList();
        assertEquals(Set.of(exec1, exec2), emails.stream().map(OutboxEmail::recipient).collect(Collectors.toSet()));
        String body = emails.get(0).body();
        assertTrue(body.contains(c.schools().get(1).name()) && body.contains("/returns/" + c.returnIds().get(1)), body);
        assertEquals(List.of(c.returnIds().get(1) + " NON_COMPLIANCE"), panel(c));
        PanelListEntry entry = panelList.findByCycleIdOrderById(c.cycleId()).get(0);
        assertTrue(entry.detail().startsWith("1 answers not met") || entry.detail().startsWith("1 answer not met"), entry.detail());

        String page = signedIn(c.admin()).get("/cycles/" + c.cycleId() + "/chasing").body();
        String list = page.substring(page.indexOf("Assurance panel list"));
        assertTrue(list.contains(c.schools().get(1).name() + "</a>: Not compliant"), list);
        assertTrue(!list.contains(c.schools().get(0).name()), list);
    }

    @Test
    void withNoExecutiveRecordedTheRaisingIsRecordedAsNotSentWithTheReason() {
        Chased c = chased.cycle();
        rules(c, "threshold", "0");
        chased.submit(signedIn(c.lead()), c.returnId(), Map.of("whole-school-approach", "RED"));

        List<ChaseMessage> raised = raised(c, c.returnId());
        assertEquals(1, raised.size(), raised.toString());
        ChaseMessage none = raised.get(0);
        assertEquals(ChaseMessage.NOT_SENT, none.status());
        assertEquals("The partnership has no safeguarding executive recorded", none.reason());
        assertNull(none.recipientEmail());
        assertNull(none.outboxId());
        assertEquals(List.of(c.returnId() + " NON_COMPLIANCE"), panel(c), "listed for the panel all the same");
        String page = signedIn(c.admin()).get("/cycles/" + c.cycleId() + "/chasing").body();
        assertTrue(page.contains("Not sent or refused") && page.contains("Not sent: The partnership has no safeguarding executive recorded"), page);
    }

    @Test
    void aCriticalQuestionRatedRedRaisesTheReturnEvenUnderTheThreshold() {
        Chased c = chased.cycle(2);
        String exec = chased.officer(c, OfficerRole.SAFEGUARDING_EXECUTIVE, "Sam Exec");
        rules(c, "threshold", "5", "critical", "safeguarding-governor\ngovernor-training");
        TestBrowser lead = signedIn(c.lead());
        chased.submit(lead, c.returnIds().get(0), Map.of("governance-accountability", "RED", "whole-school-approach", "RED"));
        chased.submit(lead, c.returnIds().get(1), Map.of("safeguarding-governor", "RED"));

        assertTrue(raised(c, c.returnIds().get(0)).isEmpty(), "two Red answers, neither critical, under the threshold of 5");
        List<ChaseMessage> raised = raised(c, c.returnIds().get(1));
        assertEquals(List.of(exec), raised.stream().map(ChaseMessage::recipientEmail).toList());
        assertEquals(List.of(c.returnIds().get(1) + " NON_COMPLIANCE"), panel(c));
        String detail = panelList.findByCycleIdOrderById(c.cycleId()).get(0).detail();
        assertTrue(detail.contains("1 of them critical"), detail);
        String body = email(c, raised.get(0).outboxId()).body();
        assertTrue(body.contains("Critical requirements rated not met:\n- A named governor or trustee leads on safeguarding")
                && body.contains("rated not met (the cycle's threshold is 5)"), body);
    }
}
