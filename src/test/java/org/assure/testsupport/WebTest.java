package org.assure.testsupport;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of web tests: the application on a random port, a database of its own (see {@link TestDatabases}),
 * fixtures to build data, and a fresh {@link TestBrowser} per person. Subclasses add
 * {@code @MicronautTest(transactional = false)}: the server reads on its own threads, so fixture rows must commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebTest implements TestPropertyProvider {
    @Inject
    protected EmbeddedServer server;
    @Inject
    protected Fixtures fixtures;
    @Inject
    protected TestClock clock;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.forContext();
    }

    protected TestBrowser browser() {
        return new TestBrowser(server.getURI());
    }

    /** A browser already signed in as this person. */
    protected TestBrowser signedIn(Fixtures.Person person) {
        TestBrowser browser = browser();
        TestBrowser.Page page = browser.signIn(person.email(), Fixtures.PASSWORD);
        if (page.status() != 303) {
            throw new AssertionError("Could not sign in " + person.email() + ": " + page.status() + "\n" + page.body());
        }
        browser.get("/");
        return browser;
    }
}
