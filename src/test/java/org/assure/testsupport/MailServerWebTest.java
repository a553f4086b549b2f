package org.assure.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Web tests whose app sends through a real SMTP server (GreenMail) on a port of their own. The server is started
 * by each test that wants it ({@link #startMailServer}), so a test can also show what happens while it is down.
 */
public abstract class MailServerWebTest extends WebTest {
    protected final int smtpPort = freePort();
    protected GreenMail greenMail;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("assure.smtp.host", "127.0.0.1");
        properties.put("assure.smtp.port", String.valueOf(smtpPort));
        properties.put("assure.smtp.starttls", "false");
        properties.put("assure.smtp.from", "Assure <assure@assure.test>");
        return properties;
    }

    @AfterEach
    protected void stopMailServer() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    protected void startMailServer() {
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
