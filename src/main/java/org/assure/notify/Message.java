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
}
