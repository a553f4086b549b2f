package org.assure.notify;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * When the developer mail page exists: local mode with no mail server, outside production. Only then is
 * there nobody but the developer to read an invitation or a reset link, and no mailbox to read it in.
 * With an SMTP host (any mode) links go only to their recipients; in production the page's route is not
 * even registered, so it is a 404 like any unknown address (ADR 0020).
 */
public final class DeveloperMail implements Condition {
    public DeveloperMail() {
    }

    @Override
    public boolean matches(ConditionContext context) {
        boolean local = context.getProperty("assure.local-mode", Boolean.class).orElse(false);
        String host = context.getProperty("assure.smtp.host", String.class).orElse("");
        return local && host.isBlank();
    }
}
