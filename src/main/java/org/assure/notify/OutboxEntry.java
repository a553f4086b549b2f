package org.assure.notify;

import io.micronaut.core.annotation.Nullable;
import org.assure.kernel.Dates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An outbox email as the admin pages show it: times in UK local time and a status in words. Never its
 * content: that is passed separately, and only for emails without a secret.
 */
public record OutboxEntry(long id, String recipient, String subject, String created, Status status, int attempts,
                          @Nullable String sentAt, @Nullable String nextAttempt, @Nullable String lastError,
                          boolean carriesSecret, boolean purged) {

    public enum Status { WAITING, SENT, FAILING }

    /** An address up to white space, leaving out punctuation that ends the sentence around it. */
    private static final Pattern URL = Pattern.compile("https?://\\S+?(?=[.,;:!?)]*(\\s|$))");
    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

    static OutboxEntry of(OutboxEmail e) {
        Status status = e.sentAt() != null ? Status.SENT : e.attempts() > 0 ? Status.FAILING : Status.WAITING;
        return new OutboxEntry(e.id(), e.recipient(), e.subject(), format(e.createdAt()), status, e.attempts(),
                e.sentAt() == null ? null : format(e.sentAt()),
                status == Status.FAILING ? format(e.nextAttemptAt()) : null, e.lastError(), e.carriesSecret(), e.purged());
    }

    public String statusName() {
        return status.name();
    }

    /**
     * A plain-text body cut into text and links. Only links into this site become clickable (so a local
     * user can follow an invitation); any other address, say one typed into a name, stays text.
     */
    static List<BodyPart> bodyParts(@Nullable String body, String baseUrl) {
        List<BodyPart> parts = new ArrayList<>();
        if (body == null) {
            return parts;
        }
        Matcher m = URL.matcher(body);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            boolean ours = url.startsWith(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            if (ours) {
                if (m.start() > at) {
                    parts.add(new BodyPart(body.substring(at, m.start()), false));
                }
                parts.add(new BodyPart(url, true));
                at = m.end();
            }
        }
        if (at < body.length()) {
            parts.add(new BodyPart(body.substring(at), false));
        }
        return parts;
    }

    /**
     * The HTML part with its links opening in a new tab: inside the sandboxed frame a followed link would
     * load into the frame, where this site's pages refuse to be shown.
     */
    static String linksInNewTabs(String html) {
        Matcher head = HEAD.matcher(html);
        String base = "<base target=\"_blank\">";
        return head.find() ? html.substring(0, head.end()) + base + html.substring(head.end()) : base + html;
    }

    /** A run of email text; {@code link} when it is an address in this site. */
    public record BodyPart(String text, boolean link) {
    }

    private static String format(Instant instant) {
        return Dates.moment(instant);
    }
}
