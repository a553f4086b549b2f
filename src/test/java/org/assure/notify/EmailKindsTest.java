package org.assure.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of email rendered with hostile input in every field and in the recipient's name: the HTML part
 * escapes it all (nothing becomes markup, no attribute is broken out of), the text part carries it as typed.
 */
class EmailKindsTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
    static final String HOSTILE = "Tom & Jerry's " + SCRIPT + " " + BREAKOUT;
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    /** An element that would fetch something (an image, a script, a stylesheet, a frame), once attribute values are blanked. */
    private static final Pattern SOURCE = Pattern.compile("<[a-zA-Z]+[^>]*\\s(src|srcset|background)\\s*=|<link\\b|@import");
    private final EmailTemplates templates = new EmailTemplates("http://assure.test/");

    static Stream<Message> hostile() {
        return EmailSamples.everyKind(HOSTILE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void theHtmlPartEscapesWhatPeopleTypedAndTheTextPartKeepsItAsText(Message message) {
        EmailTemplates.Rendered email = templates.render(message, new Addressee(HOSTILE, "someone@school.test"));
        String html = email.html();

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains(BREAKOUT), html);
        assertFalse(html.contains("Tom & Jerry"), "a bare ampersand in " + html);
        assertTrue(html.contains("Dear Tom &amp; Jerry&#39;s &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;,"), html);
        assertFalse(SOURCE.matcher(html.replaceAll("\"[^\"]*\"", "\"\"")).find(), "nothing loaded from anywhere: " + html);
        Matcher href = HREF.matcher(html);
        int links = 0;
        while (href.find()) {
            links++;
            assertTrue(href.group(1).startsWith("http://assure.test/"), "links only into the site: " + href.group(1));
        }
        assertTrue(links > 0, "the email links to what it is about");
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<html lang=\"en-GB\">"), html);

        String text = email.text();
        assertTrue(text.startsWith("Dear " + HOSTILE + ",\n"), "greets the recipient by name:\n" + text);
        assertFalse(text.contains("&amp;") || text.contains("&lt;") || text.contains("&quot;"), "text is not escaped:\n" + text);
        assertTrue(text.contains("http://assure.test/"), text);
        assertFalse(text.contains("<html") || text.contains("<p"), text);

        assertFalse(email.subject().contains("\n") || email.subject().contains("\r"), email.subject());
        assertFalse(email.subject().isBlank());
    }

    @Test
    void whatEachEmailSaysWithOrdinaryInput() {
        Addressee dee = new Addressee("Dee Esel", "dsl@school.test");
        var receipt = templates.render(new org.assure.returns.ReturnSubmittedReceipt("Riverside Primary", "Schools 2027",
                "AR-000123-1", false, "/returns/123/print"), dee);
        assertEquals("Return submitted: AR-000123-1", receipt.subject());
        assertEquals("""
                Dear Dee Esel,

                You submitted Riverside Primary's return for Schools 2027.
                Your reference is AR-000123-1. Keep it: the partnership will quote it if they have questions.

                A printable copy of what you submitted: http://assure.test/returns/123/print
                """, receipt.text());
        assertTrue(receipt.html().contains("<title>Return submitted: AR-000123-1</title>"), receipt.html());
        assertTrue(receipt.html().contains("href=\"http://assure.test/returns/123/print\""), receipt.html());

        var changes = templates.render(new org.assure.returns.ChangesNeededEmail("Northbridge SCP", "Riverside Primary", "Schools 2027",
                "AR-000123-1", "Question 1 needs evidence.\nQuestion 2 too.", "/returns/123"), dee);
        assertTrue(changes.text().contains("for changes:\n\nQuestion 1 needs evidence.\nQuestion 2 too.\n\n"), changes.text());
        assertTrue(changes.html().contains("Question 1 needs evidence.<br>Question 2 too."), "line breaks kept: " + changes.html());

        var assigned = templates.render(new org.assure.returns.SectionAssignedEmail("Lee Lead", "Leadership", "Riverside Primary",
                "Schools 2027", "3 March 2027", false, "/returns/123/sections/leadership"), dee);
        assertTrue(assigned.text().contains("\nOpen the section:\nhttp://assure.test/returns/123/sections/leadership\n"), assigned.text());
        assertFalse(assigned.text().contains("invitation"));
    }

    @Test
    void aLongSubjectIsCutToTheOutboxColumnAndIsOneLine() {
        var email = templates.render(new org.assure.returns.ChangesNeededEmail("P", "Org\nwith a line break " + "x".repeat(400), "Cycle",
                "AR-1", "Reason", "/returns/1"), new Addressee("A", "a@b.test"));
        assertEquals(EmailTemplates.MAX_SUBJECT, email.subject().length());
        assertTrue(email.subject().startsWith("Changes needed: Org with a line break xxx"));
        assertTrue(email.subject().endsWith("…"));
    }

    @Test
    void aKindWithoutTemplatesFailsTheSendRatherThanSendingNothing() {
        Message noSuchKind = () -> "no-such-kind";
        assertThrows(RuntimeException.class, () -> templates.render(noSuchKind, new Addressee("A", "a@b.test")));
    }

    /**
     * One message rendered once for several people (a cycle's reminders) gives each the email rendering it for them
     * alone would: the same subject, text and HTML, names with markup, spaces or the mark's own characters included.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void renderedOnceForManyPeopleIsWhatEachWouldGetAlone(Message message) {
        List<Addressee> people = List.of(new Addressee(HOSTILE, "a@school.test"), new Addressee("Dee Esel", "b@school.test"),
                new Addressee("", "c@school.test"), new Addressee("Tom \uE000name\uE001", "d@school.test"), new Addressee("Ann  O'Neil", "e@school.test"));
        List<EmailTemplates.Rendered> each = templates.renderEach(message, people);
        for (int i = 0; i < people.size(); i++) {
            assertEquals(templates.render(message, people.get(i)), each.get(i), people.get(i).name());
        }
    }

    /**
     * A link that sets a password makes whoever reads it its recipient, so every kind whose email holds one says
     * it carries a secret, and the outbox never shows it (ADR 0020); a kind without such a link does not.
     */
    @Test
    void everyKindWithAOneTimeLinkSaysItCarriesASecret() {
        Pattern oneTimeLink = Pattern.compile("/(invitations|password-reset)/[A-Za-z0-9_-]+");
        for (Message message : EmailSamples.everyKind("Token_like-Value0123456789")) {
            var email = templates.render(message, new Addressee("Dee Esel", "dsl@school.test"));
            boolean holdsOne = oneTimeLink.matcher(email.text()).find() || oneTimeLink.matcher(email.html()).find();
            assertEquals(holdsOne, message.carriesSecret(), message.template() + (holdsOne ? " holds a one-time link" : " holds none"));
        }
        assertEquals(Set.of("invitation", "password-reset"),
                hostile().filter(Message::carriesSecret).map(Message::template).collect(Collectors.toSet()));
    }

    /** A kind added without a case here (and so without the hostile-input check) fails this test. */
    @Test
    void everyKindOfEmailIsCheckedHereAndHasBothTemplates() throws IOException, URISyntaxException {
        Path folder = Path.of(EmailTemplates.class.getClassLoader().getResource("email").toURI());
        Set<String> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.map(p -> p.getFileName().toString()).filter(f -> !f.startsWith("_")).collect(Collectors.toSet());
        }
        Set<String> kinds = hostile().map(Message::template).collect(Collectors.toSet());
        Set<String> expected = kinds.stream().flatMap(k -> Stream.of(k + ".txt.ftl", k + ".html.ftlh")).collect(Collectors.toSet());
        assertEquals(expected, files, "every kind has a text and an HTML template, and every template's kind is checked here");
        assertEquals(18, kinds.size(), List.copyOf(kinds).toString());
    }
}
