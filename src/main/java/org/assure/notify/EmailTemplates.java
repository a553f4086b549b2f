package org.assure.notify;

import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import org.assure.kernel.SafeTemplates;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Message} for one person from its two templates under {@code email/}: the plain-text
 * part ({@code .txt.ftl}, no escaping: it is text), which also sets the subject with
 * {@code <#assign subject>…</#assign>}, and the HTML part ({@code .html.ftlh}, HTML auto-escaping on).
 * Both see {@code message} (the record), {@code recipient} (name, address) and {@code baseUrl}; the HTML
 * part also sees {@code subject}. A template error fails the send, and so the caller's transaction: an
 * email is never written half rendered.
 */
final class EmailTemplates {
    /** The outbox's subject column; a longer subject (a long organisation name) is cut, not refused. */
    static final int MAX_SUBJECT = 300;
    private final Configuration configuration;
    private final String baseUrl;

    /** One email, ready for the outbox. */
    record Rendered(String subject, String text, String html) {
    }

    EmailTemplates(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        configuration = SafeTemplates.from("email");
    }

    Rendered render(Message message, Addressee to) {
        Map<String, Object> model = new HashMap<>();
        model.put("message", message);
        model.put("recipient", to);
        model.put("baseUrl", baseUrl);
        String name = message.template();
        try {
            StringWriter text = new StringWriter();
            Environment env = configuration.getTemplate(name + ".txt.ftl").createProcessingEnvironment(model, text);
            env.process();
            String subject = subject(env, name);
            model.put("subject", subject);
            StringWriter html = new StringWriter();
            configuration.getTemplate(name + ".html.ftlh").process(model, html);
            return new Rendered(subject, text.toString().strip() + "\n", html.toString().strip() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the templates of email " + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Cannot render email " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stands for the recipient's name and address when one message is rendered once for many people: private-use
     * characters, which no escaping changes and nobody types.
     */
    private static final String NAME_MARK = "\uE000name\uE001";
    private static final String ADDRESS_MARK = "\uE000address\uE001";

    /**
     * One message for many people, each email as {@link #render} would give it. The templates greet the recipient by
     * name and say nothing else about them, so the message is rendered once with a mark for the name, which is then
     * replaced for each person (escaped for the HTML part as the template would escape it). Whenever that cannot be
     * sure to give the same email (the mark missing or changed, the address used, a name holding the mark's
     * characters), each person's email is rendered on its own.
     */
    List<Rendered> renderEach(Message message, List<Addressee> people) {
        if (people.size() < 2) {
            return people.stream().map(p -> render(message, p)).toList();
        }
        Rendered once = render(message, new Addressee(NAME_MARK, ADDRESS_MARK));
        boolean shareable = once.text().contains(NAME_MARK) && once.html().contains(NAME_MARK) && !once.subject().contains(NAME_MARK)
                && !(once.text() + once.html() + once.subject()).contains(ADDRESS_MARK);
        List<Rendered> emails = new ArrayList<>(people.size());
        for (Addressee person : people) {
            String name = person.name() == null ? "" : person.name();
            Rendered email = null;
            if (shareable && !name.isBlank() && name.strip().equals(name) && name.chars().noneMatch(c -> c == '\uE000' || c == '\uE001')) {
                String text = once.text().replace(NAME_MARK, name);
                String html = once.html().replace(NAME_MARK, escaped(name));
                if (text.indexOf('\uE000') < 0 && html.indexOf('\uE000') < 0) {
                    email = new Rendered(once.subject(), text, html);
                }
            }
            emails.add(email != null ? email : render(message, person));
        }
        return emails;
    }

    /** The name as the HTML templates' auto-escaping writes it. */
    private static String escaped(String name) {
        return HTMLOutputFormat.INSTANCE.escapePlainText(name);
    }

    /** One line (a name typed with a line break cannot start a new header), at most the column's length. */
    private static String subject(Environment env, String name) throws TemplateModelException {
        if (!(env.getMainNamespace().get("subject") instanceof TemplateScalarModel scalar)) {
            throw new IllegalStateException("email/" + name + ".txt.ftl must set the subject: <#assign subject>…</#assign>");
        }
        String subject = scalar.getAsString().replaceAll("\\s+", " ").strip();
        if (subject.length() <= MAX_SUBJECT) {
            return subject;
        }
        int cut = MAX_SUBJECT - 1;
        return subject.substring(0, Character.isHighSurrogate(subject.charAt(cut - 1)) ? cut - 1 : cut) + "…";
    }
}
