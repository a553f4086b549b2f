package org.assure.panels;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.assure.access.Roles;
import org.assure.audit.AuditTrail;
import org.assure.demo.WholeReturns;
import org.assure.notify.Outbox;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outcome letters: the page and the Word document read back, the template's placeholders, re-approval after a resubmission, sending once. */
@MicronautTest(transactional = false)
class OutcomeLetterWebTest extends WebTest {
    @Inject
    PanelWorld worlds;
    @Inject
    Moderations moderations;
    @Inject
    PanelRepositories.Letters letters;
    @Inject
    WholeReturns wholeReturns;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    io.micronaut.transaction.TransactionOperations<Connection> transactions;

    private static String letterPath(PanelWorld.World w) {
        return w.casePath() + "/letter";
    }

    private static String wordText(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    private void chairOf(PanelWorld.World w, String email) {
        transactions.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(
                    "INSERT INTO organisation_contact (organisation_id, role, name, email) VALUES (?, 'CHAIR_OF_GOVERNORS', 'Chas Chair', ?)")) {
                s.setLong(1, w.school().id());
                s.setString(2, email);
                return s.executeUpdate();
            }
        });
    }

    @Test
    void theLetterIsAPagePrintAndAWordDocumentThatReadsBack() throws IOException {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        moderations.confirmed(w, "PARTLY_ASSURED", "Strong safeguarding culture\nClear <b>policies</b>", "Train the governors", "A sound return.");
        TestBrowser moderator = signedIn(w.moderator());
        String page = moderator.get(letterPath(w)).body();
        for (String s : List.of(w.school().name(), "Partly assured", "Strong safeguarding culture", "Clear &lt;b&gt;policies&lt;/b&gt;",
                "Train the governors", "A sound return.", w.partnership().name())) {
            assertTrue(page.contains(s), s + " in " + page);
        }
        assertFalse(page.contains("<b>policies"), page);
        assertEquals(200, moderator.get(letterPath(w) + "/print").status());

        var word = moderator.get(w.casePath() + "/letter.docx");
        assertEquals(200, word.status());
        assertTrue(word.header("Content-Type").startsWith(LetterController.DOCX), word.header("Content-Type"));
        byte[] bytes = word.raw().body();
        String text = wordText(bytes);
        for (String s : List.of(w.school().name(), "Partly assured", "Strong safeguarding culture", "Clear <b>policies</b>", "Train the governors")) {
            assertTrue(text.contains(s), s + " in " + text);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> "Heading1".equals(p.getStyle())), "a real heading");
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals("Strong safeguarding culture") && p.getNumID() != null),
                    "strengths as a list");
        }

        assertEquals(403, signedIn(w.memberA()).get(letterPath(w)).status(), "members do not handle letters");
        PanelWorld.World far = worlds.build(MarkingBy.SECTION);
        TestBrowser farAdmin = signedIn(far.admin());
        assertEquals(404, farAdmin.get(letterPath(w)).status());
        assertEquals(404, farAdmin.get(w.casePath() + "/letter.docx").status());
        assertEquals(404, moderator.get(w.panelPath() + "/cases/" + far.caseId() + "/letter.docx").status());
    }

    @Test
    void theTemplateRefusesUnknownPlaceholdersAndIsNeverRunAsATemplate() throws IOException {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        TestBrowser admin = signedIn(w.admin());
        String shipped = admin.get("/panels/letter-template").body();
        assertTrue(shipped.contains("{{organisation}}") && shipped.contains("the letter Assure ships with"), shipped);
        var unknown = admin.post("/panels/letter-template", "body", "Dear {{organisation}}, {{nope}} and {{ bad }} and {{nope}}", "version", "");
        assertEquals(422, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("The letter does not know {{nope}}, {{bad}}"), unknown.body());
        assertTrue(unknown.body().contains("Dear {{organisation}}, {{nope}}"), "typed text kept");

        String template = "# Hello {{organisation}}\n\n${7*7} <script>alert(1)</script> <#assign x = 1>\n\n## {{outcome}}\n\n{{strengths}}";
        admin.get("/panels/letter-template");
        var saved = admin.post("/panels/letter-template", "body", template, "version", "");
        assertEquals(303, saved.status(), saved.body());
        assertTrue(admin.follow(saved).body().contains("The letter template has been saved"));
        assertTrue(audit.history(w.partnership().id(), PanelAudit.KIND, letterTemplateId(w)).stream().anyMatch(e -> e.is(PanelAudit.TEMPLATE_CHANGED)));

        moderations.confirmed(w, "ASSURED", "Thorough records", "", "All good.");
        String page = admin.get(letterPath(w)).body();
        assertTrue(page.contains("Hello " + w.school().name()), page);
        assertTrue(page.contains("${7*7}") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && page.contains("&lt;#assign x = 1&gt;"), page);
        assertFalse(page.contains("<script>alert(1)"), page);
        String text = wordText(admin.get(w.casePath() + "/letter.docx").raw().body());
        assertTrue(text.contains("${7*7} <script>alert(1)</script>") && text.contains("Thorough records") && text.contains("Assured"), text);
    }

    private long letterTemplateId(PanelWorld.World w) {
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement("SELECT id FROM letter_template WHERE partnership_id = ?")) {
                s.setLong(1, w.partnership().id());
                var rs = s.executeQuery();
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aResubmissionAfterApprovalNeedsApprovalAgainBeforeSending() {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        moderations.confirmed(w, "ASSURED", "Thorough records", "", "All good.");
        TestBrowser moderator = signedIn(w.moderator());
        moderator.get(letterPath(w));
        assertEquals(303, moderator.post(letterPath(w) + "/approve").status());
        TestBrowser admin = signedIn(w.admin());
        admin.get("/returns/" + w.returnId() + "/return-for-changes");
        assertEquals(303, admin.post("/returns/" + w.returnId() + "/return-for-changes", "reason", "Please add the training log").status());
        wholeReturns.submit(w.user(w.lead(), Roles.LEAD, Set.of(w.school().id())), w.returnId(), "Dee Esel", "Designated safeguarding lead", 0);
        PanelRepositories.Letter l = letters.findByCaseId(w.caseId()).orElseThrow();
        assertTrue(l.needsReapproval());
        String page = admin.get(letterPath(w)).body();
        assertTrue(page.contains("id=\"needs-reapproval\"") && !page.contains("Send the letter to the organisation"), page);
        var refused = admin.post(letterPath(w) + "/send");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("approve it again before sending it"), refused.body());
        assertEquals(0, outbox.recent(w.partnership().id()).stream().filter(e -> "panel-outcome-letter".equals(e.kind())).count());

        moderator.get(letterPath(w));
        assertEquals(303, moderator.post(letterPath(w) + "/approve").status());
        assertFalse(letters.findByCaseId(w.caseId()).orElseThrow().needsReapproval());
        admin.get(letterPath(w));
        assertEquals(303, admin.post(letterPath(w) + "/send").status());
        assertTrue(letters.findByCaseId(w.caseId()).orElseThrow().sentAt() != null);
    }

    @Test
    void sendingEmailsTheLeadAndTheChairOnceAndOnlyThenDoesTheOrganisationSeeIt() throws IOException {
        PanelWorld.World w = worlds.build(MarkingBy.SECTION);
        String chair = "chair" + w.caseId() + "@school.test";
        chairOf(w, chair);
        moderations.confirmed(w, "PARTLY_ASSURED", "Strong safeguarding culture", "Train the governors", "A sound return.");
        String outcome = "/returns/" + w.returnId() + "/outcome";
        String docx = outcome + "/" + w.caseId() + ".docx";
        TestBrowser lead = signedIn(w.lead());
        String before = lead.get(outcome).body();
        assertTrue(before.contains("id=\"no-outcome\"") && !before.contains("Strong safeguarding culture"), before);
        assertEquals(404, lead.get(docx).status(), "nothing before sending");

        TestBrowser admin = signedIn(w.admin());
        admin.get(letterPath(w));
        assertEquals(409, admin.post(letterPath(w) + "/send").status(), "not before approval");
        TestBrowser moderator = signedIn(w.moderator());
        moderator.get(letterPath(w));
        assertEquals(403, moderator.post(letterPath(w) + "/send").status(), "the moderator approves, an admin sends");
        moderator.get(letterPath(w));
        assertEquals(303, moderator.post(letterPath(w) + "/approve").status());
        moderator.get(letterPath(w));
        assertEquals(303, moderator.post(letterPath(w) + "/approve").status());
        assertEquals(1, audit.history(w.partnership().id(), PanelAudit.KIND, w.panelId()).stream().filter(e -> e.is(PanelAudit.LETTER_APPROVED)).count());

        admin.get(letterPath(w));
        var sent = admin.post(letterPath(w) + "/send");
        assertEquals(303, sent.status(), sent.body());
        admin.get(letterPath(w));
        assertEquals(303, admin.post(letterPath(w) + "/send").status());
        var emails = outbox.recent(w.partnership().id()).stream().filter(e -> "panel-outcome-letter".equals(e.kind())).toList();
        Set<String> to = emails.stream().map(e -> e.recipient().toLowerCase()).collect(Collectors.toSet());
        assertTrue(to.contains(w.lead().email().toLowerCase()) && to.contains(chair), to.toString());
        assertEquals(to.size(), emails.size(), "each once: " + emails);
        assertEquals(1, audit.history(w.partnership().id(), PanelAudit.KIND, w.panelId()).stream().filter(e -> e.is(PanelAudit.LETTER_SENT)).count());

        String after = lead.get(outcome).body();
        assertTrue(after.contains("Strong safeguarding culture") && after.contains(docx), after);
        var word = lead.get(docx);
        assertEquals(200, word.status());
        assertTrue(wordText(word.raw().body()).contains("Train the governors"));

        TestBrowser sister = signedIn(w.sisterLead());
        assertEquals(404, sister.get(outcome).status(), "another organisation's lead");
        assertEquals(404, sister.get(docx).status());
        assertEquals(404, sister.get("/returns/" + w.sisterReturnId() + "/outcome/" + w.caseId() + ".docx").status(), "a case of another return");
        assertTrue(sister.get("/returns/" + w.sisterReturnId() + "/outcome").body().contains("id=\"no-outcome\""));
        PanelWorld.World far = worlds.build(MarkingBy.SECTION);
        assertEquals(404, signedIn(far.lead()).get(outcome).status());
        assertEquals(404, signedIn(far.admin()).get(docx).status());
    }
}
