package org.assure.notify;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code assure.smtp.*}: where mail goes. A blank host means local mode: mail stays in the outbox. */
@ConfigurationProperties("assure.smtp")
record SmtpSettings(String host, int port, String username, String password, String from, boolean starttls) {

    boolean configured() {
        return host != null && !host.isBlank();
    }
}
