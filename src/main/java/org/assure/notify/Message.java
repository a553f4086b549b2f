package org.assure.notify;

/**
 * One kind of email, as a record of what it says (names, dates already in words, site paths for links),
 * never its wording: that is in the templates it names, {@code email/<template>.txt.ftl} (the subject
 * and the plain-text part) and {@code email/<template>.html.ftlh} (the HTML part). Each record lives in
 * the feature that sends it; {@link Notifications#send} renders it for every recipient.
 */
public interface Message {
    /** The templates' name under {@code email/}, e.g. {@code "invitation"}. */
    String template();

    /**
     * Whether the email carries a secret only its recipient may use: a one-time link that sets a password,
     * so whoever reads it can become that person. The outbox then never shows its content to anyone (its
     * page says that it was sent, to whom and how delivery went), keeps the content only until SMTP has
     * accepted it, and in local mode lets the developer read it on the developer mail page (ADR 0020).
     * A kind that puts such a link in its record must say so; {@code EmailKindsTest} checks the ones it knows.
     */
    default boolean carriesSecret() {
        return false;
    }
}
