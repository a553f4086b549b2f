package org.assure.access;

import io.micronaut.http.HttpMethod;

import java.util.List;
import java.util.Set;

/**
 * A set of route rules. The application's are {@link AssureRoutes}; tests add their own for test-only
 * controllers. {@link RouteAccess} joins them all into the one table the security rule enforces.
 */
public interface RouteRules {
    /** Anyone, signed in or not. */
    String ANYONE = "isAnonymous()";
    /** Any signed-in person, whatever their role. */
    String SIGNED_IN = "isAuthenticated()";
    /**
     * Callers with an API token (Authorization: Bearer), never a session: org.assure.api.ApiFilter authenticates
     * them before the security rule runs and marks the request with {@link #API_CALLER}.
     */
    String API_TOKEN = "apiToken()";
    /** The request attribute holding the API token a request was authenticated by. */
    String API_CALLER = "assure.apiCaller";

    List<Rule> rules();

    /**
     * One route: who may call it at all (role names, or {@link #ANYONE} / {@link #SIGNED_IN}), what the ids
     * in its path refer to (so tests can try another partnership's and another organisation's), and what it is for.
     */
    record Rule(HttpMethod method, String path, Set<String> who, Scope scope, String purpose) {
        public boolean isPublic() {
            return who.contains(ANYONE);
        }

        /** An API route: a bearer token opens it; no session role does. */
        public boolean isTokenAuthenticated() {
            return who.contains(API_TOKEN);
        }

        public boolean allows(Set<String> roles) {
            return who.contains(ANYONE) || (!roles.isEmpty() && (who.contains(SIGNED_IN) || roles.stream().anyMatch(who::contains)));
        }
    }

    /** What the ids in a route's path refer to, and so how the service scopes them. */
    enum Scope {
        NONE("—"),
        TOKEN("a one-time link's secret; unknown, used or expired links all say the link does not work"),
        ORGANISATION("an organisation of the person's partnership; organisation roles only their own"),
        IMPORT("a school import of the person's partnership"),
        ACCOUNT("an account of the person's partnership"),
        BANK("a question bank (the shipped banks are the same for every partnership)"),
        BANK_DRAFT("an uploaded bank draft of the person's partnership"),
        CYCLE("a cycle of the person's partnership"),
        RETURN("a return of the person's partnership; leads and contributors only their organisation's"),
        SECTION("a section of a return of the person's partnership; leads their organisation's, contributors only the sections assigned to them"),
        EMAIL("an email in the person's partnership's outbox"),
        OFFICER("a named officer of the person's partnership"),
        DIP_SAMPLE("a dip sample draw of a cycle of the person's partnership"),
        PANEL_OF("a panel of the person's partnership; panel members only the panels they sit on"),
        PANEL_CASE("a case before a panel of the person's partnership; panel members only their panels' cases, never one they have a "
                + "conflict of interest with"),
        API_TOKEN("an API token of the person's partnership"),
        API("the API token's partnership: every row the API answers with is of it; a cycle id of another partnership is 404"),
        ACTION("an action of the person's partnership; organisation roles only their organisation's, panel members only an action they "
                + "are named to verify"),
        EXPORT("an export of a cycle of the person's partnership");

        private final String meaning;

        Scope(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    static Rule rule(HttpMethod method, String path, Scope scope, String purpose, String... who) {
        return new Rule(method, path, Set.of(who), scope, purpose);
    }
}
