package org.assure.access;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.assure.banks.BankWorkbook;
import org.assure.banks.QuestionBanks;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.notify.Outbox;
import org.assure.organisations.Organisation;
import org.assure.partnerships.OfficerForms;
import org.assure.partnerships.Partnership;
import org.assure.partnerships.PartnershipOfficers;
import org.assure.returns.Delegation;
import org.assure.testsupport.Emails;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestBrowser;
import org.assure.testsupport.WebTest;
import org.assure.accounts.AccountService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route × role test: every route of the running application, from the router, has a rule; each route
 * refuses anonymous visitors (unless public) and every role its rule leaves out; and for the roles it lets
 * in, the ids of another organisation and of another partnership are refused (404).
 */
@MicronautTest(transactional = false)
class RoutesByRoleWebTest extends WebTest {
    static final Path DOC = Path.of("doc", "access.md");
    static final String SECTION = "leadership";
    @Inject
    Router router;
    @Inject
    org.assure.exports.Exports exports;
    @Inject
    RouteAccess table;
    @Inject
    CycleService cycles;
    @Inject
    Delegation delegation;
    @Inject
    AccountService accounts;
    @Inject
    QuestionBanks banks;
    @Inject
    Emails emails;
    @Inject
    Outbox outbox;
    @Inject
    PartnershipOfficers officers;
    @Inject
    org.assure.sampling.DipSampling dipSampling;
    @Inject
    org.assure.panels.Panels panels;
    @Inject
    org.assure.actions.ActionPlans actionPlans;
    @Inject
    org.assure.api.ApiTokens apiTokens;

    /** Someone signed in (or not) as one role, with the browser they use. */
    record Persona(String name, Set<String> roles, boolean actsForOrganisation, TestBrowser browser) {
    }

    /** The ids of one scope: the persona's own, another organisation's of the same partnership, another partnership's. */
    record Ids(Map<String, String> own, Map<String, String> otherOrganisation, Map<String, String> otherPartnership) {
    }

    private final List<Persona> personas = new ArrayList<>();
    private final Map<RouteRules.Scope, Ids> ids = new EnumMap<>(RouteRules.Scope.class);

    @BeforeAll
    void world() {
        Partnership mine = fixtures.partnership();
        Partnership theirs = fixtures.partnership();
        Organisation own = fixtures.school(mine);
        Organisation neighbour = fixtures.school(mine);
        Organisation far = fixtures.school(theirs);
        Fixtures.Person admin = fixtures.admin(mine);
        Fixtures.Person farAdmin = fixtures.admin(theirs);
        Fixtures.Person lead = fixtures.person(mine, Role.ORGANISATION_LEAD, own);
        Fixtures.Person contributor = fixtures.person(mine, Role.CONTRIBUTOR, own);

        long cycle = openCycle(user(admin, mine, Roles.ADMIN), "Routes " + Fixtures.next());
        long farCycle = openCycle(user(farAdmin, theirs, Roles.ADMIN), "Far routes " + Fixtures.next());
        long ownReturn = cycles.returnOf(cycle, own.id()).orElseThrow();
        long neighbourReturn = cycles.returnOf(cycle, neighbour.id()).orElseThrow();
        long farReturn = cycles.returnOf(farCycle, far.id()).orElseThrow();
        delegation.assign(new CurrentUser(lead.id(), mine.id(), mine.name(), lead.email(), "Lead", Set.of(Roles.LEAD), Set.of(own.id())),
                ownReturn, SECTION, new Delegation.AssignForm(String.valueOf(contributor.id()), "", ""), FormErrors.none());

        TestBrowser adminBrowser = signedIn(admin);
        TestBrowser farAdminBrowser = signedIn(farAdmin);
        String importId = idAfter(upload(adminBrowser, "/organisations/import", "gias-sample.csv", giasSample()), "/organisations/import/");
        String farImportId = idAfter(upload(farAdminBrowser, "/organisations/import", "gias-sample.csv", giasSample()), "/organisations/import/");
        byte[] workbook = BankWorkbook.export(banks.get("section-11", "2023"));
        String draft = idAfter(upload(adminBrowser, "/banks/import", "s11.xlsx", workbook), "/banks/drafts/");
        String farDraft = idAfter(upload(farAdminBrowser, "/banks/import", "s11.xlsx", workbook), "/banks/drafts/");
        long invited = accounts.invite(user(admin, mine, Roles.ADMIN), "Invited Person", "invited" + Fixtures.next() + "@people.test",
                Role.CONTRIBUTOR, own.id());
        long farInvited = accounts.invite(user(farAdmin, theirs, Roles.ADMIN), "Far Person", "far" + Fixtures.next() + "@people.test",
                Role.CONTRIBUTOR, far.id());
        emails.send(mine.id(), "someone@people.test", "Hello", "Body");
        emails.send(theirs.id(), "someone@people.test", "Hello", "Body");
        long email = outbox.recent(mine.id()).get(0).id();
        long farEmail = outbox.recent(theirs.id()).get(0).id();

        long officer = officers.add(user(admin, mine, Roles.ADMIN),
                new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Sam Exec", "exec@partnership.test", "0"), FormErrors.none()).value().id();
        long farOfficer = officers.add(user(farAdmin, theirs, Roles.ADMIN),
                new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Far Exec", "exec@partnership.test", "0"), FormErrors.none()).value().id();

        var draw = new org.assure.sampling.DipSampling.RunForm("1", null, "3", "true", "NONE", "DRAW", null, null);
        long run = dipSampling.run(user(admin, mine, Roles.ADMIN), cycle, draw).value();
        long farRun = dipSampling.run(user(farAdmin, theirs, Roles.ADMIN), farCycle, draw).value();
        ids.put(RouteRules.Scope.DIP_SAMPLE, new Ids(Map.of("id", str(cycle), "runId", str(run)), Map.of(),
                Map.of("id", str(farCycle), "runId", str(farRun))));
        Fixtures.Person panelMember = fixtures.person(mine, Role.PANEL_MEMBER);
        Map<String, String> ownPanel = panelWith(user(admin, mine, Roles.ADMIN), cycle, ownReturn, panelMember);
        Map<String, String> farPanel = panelWith(user(farAdmin, theirs, Roles.ADMIN), farCycle, farReturn, fixtures.person(theirs, Role.PANEL_MEMBER));
        ids.put(RouteRules.Scope.PANEL_OF, new Ids(ownPanel, Map.of(), farPanel));
        ids.put(RouteRules.Scope.PANEL_CASE, new Ids(ownPanel, Map.of(), farPanel));
        ids.put(RouteRules.Scope.ACTION, new Ids(actionWith(user(admin, mine, Roles.ADMIN), lead, mine, own),
                actionWith(user(admin, mine, Roles.ADMIN), fixtures.person(mine, Role.ORGANISATION_LEAD, neighbour), mine, neighbour),
                actionWith(user(farAdmin, theirs, Roles.ADMIN), fixtures.person(theirs, Role.ORGANISATION_LEAD, far), theirs, far)));
        ids.put(RouteRules.Scope.NONE, new Ids(Map.of(), Map.of(), Map.of()));
        ids.put(RouteRules.Scope.API_TOKEN, new Ids(Map.of("id", str(apiToken(user(admin, mine, Roles.ADMIN)))), Map.of(),
                Map.of("id", str(apiToken(user(farAdmin, theirs, Roles.ADMIN))))));
        // The API's routes take no ids in their path (a cycle id is a query value; ApiWebTest tries another partnership's).
        ids.put(RouteRules.Scope.API, new Ids(Map.of(), Map.of(), Map.of()));
        ids.put(RouteRules.Scope.TOKEN, new Ids(Map.of("token", "no-such-link"), Map.of(), Map.of()));
        ids.put(RouteRules.Scope.BANK, new Ids(Map.of("bank", "section-175", "version", "2025"), Map.of(), Map.of()));
        ids.put(RouteRules.Scope.ORGANISATION, new Ids(Map.of("id", str(own.id())), Map.of("id", str(neighbour.id())), Map.of("id", str(far.id()))));
        ids.put(RouteRules.Scope.IMPORT, new Ids(Map.of("importId", importId), Map.of(), Map.of("importId", farImportId)));
        ids.put(RouteRules.Scope.ACCOUNT, new Ids(Map.of("id", str(invited)), Map.of(), Map.of("id", str(farInvited))));
        ids.put(RouteRules.Scope.BANK_DRAFT, new Ids(Map.of("id", draft), Map.of(), Map.of("id", farDraft)));
        ids.put(RouteRules.Scope.CYCLE, new Ids(Map.of("id", str(cycle)), Map.of(), Map.of("id", str(farCycle))));
        // a challenge id no return of theirs has: the route's own checks answer 404 (released ones are tried in ChallengesWebTest);
        // caseId: a panel case of the return (its outcome letters)
        ids.put(RouteRules.Scope.RETURN, new Ids(Map.of("id", str(ownReturn), "number", "1", "challengeId", "1", "caseId", ownPanel.get("caseId")),
                Map.of("id", str(neighbourReturn), "number", "1", "challengeId", "1", "caseId", ownPanel.get("caseId")),
                Map.of("id", str(farReturn), "number", "1", "challengeId", "1", "caseId", farPanel.get("caseId"))));
        ids.put(RouteRules.Scope.SECTION, new Ids(Map.of("id", str(ownReturn), "key", SECTION),
                Map.of("id", str(neighbourReturn), "key", SECTION), Map.of("id", str(farReturn), "key", SECTION)));
        ids.put(RouteRules.Scope.EMAIL, new Ids(Map.of("id", str(email)), Map.of(), Map.of("id", str(farEmail))));
        ids.put(RouteRules.Scope.OFFICER, new Ids(Map.of("id", str(officer)), Map.of(), Map.of("id", str(farOfficer))));
        long export = exports.start(user(admin, mine, Roles.ADMIN), cycle, org.assure.exports.ExportKind.ANSWERS);
        long farExport = exports.start(user(farAdmin, theirs, Roles.ADMIN), farCycle, org.assure.exports.ExportKind.ANSWERS);
        ids.put(RouteRules.Scope.EXPORT, new Ids(Map.of("id", str(export)), Map.of(), Map.of("id", str(farExport))));

        TestBrowser anonymous = browser();
        anonymous.get("/sign-in");
        personas.add(new Persona("anonymous", Set.of(), false, anonymous));
        personas.add(new Persona("admin", Set.of(Roles.ADMIN), false, adminBrowser));
        personas.add(new Persona("lead", Set.of(Roles.LEAD), true, signedIn(lead)));
        personas.add(new Persona("contributor", Set.of(Roles.CONTRIBUTOR), true, signedIn(contributor)));
        personas.add(new Persona("panel member", Set.of(Roles.PANEL), false, signedIn(panelMember)));
        personas.add(new Persona("chair", Set.of(Roles.CHAIR), true, signedIn(fixtures.person(mine, Role.ESCALATION_CONTACT, own))));
        personas.add(new Persona("board viewer", Set.of(Roles.VIEWER), false, signedIn(fixtures.person(mine, Role.BOARD_VIEWER))));
    }

    @Test
    void everyRouteOfTheRunningAppHasARuleAndEveryRuleARoute() {
        List<RouteAccess.Route> routes = routes();
        assertTrue(routes.size() > 50, "the router lists the application's routes: " + routes);
        assertEquals(List.of(), table.missing(routes), "routes without a rule in org.assure.access.AssureRoutes (refused to everyone until they get one)");
        assertEquals(List.of(), table.unused(routes), "rules for routes that do not exist");

        // A route added without a rule is caught: here, one the router does not have yet.
        List<RouteAccess.Route> withANewOne = new ArrayList<>(routes);
        RouteAccess.Route added = new RouteAccess.Route(HttpMethod.POST, "/returns/{id}/escalate");
        withANewOne.add(added);
        assertEquals(List.of(added), table.missing(withANewOne));
    }

    @Test
    void eachRouteRefusesAnonymousVisitorsAndTheRolesItLeavesOut() {
        List<String> wrong = new ArrayList<>();
        for (RouteAccess.Route route : routes()) {
            RouteRules.Rule rule = table.rule(route.method(), route.path()).orElseThrow();
            for (Persona persona : personas) {
                if (rule.allows(persona.roles())) {
                    continue;
                }
                var page = call(persona, route, fill(route.path(), ids.get(rule.scope()).own()));
                // An API route opens to a bearer token only: a session, whoever's, gets the API's 401.
                boolean refused = rule.isTokenAuthenticated() ? page.status() == 401
                        : persona.roles().isEmpty()
                        ? page.status() == 303 && page.location().startsWith("/sign-in")
                        : page.status() == 403;
                if (!refused) {
                    wrong.add(route + " as " + persona.name() + " gave " + page.status() + " " + page.location());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theRolesARouteLetsInReachOnlyTheirOwnPartnershipsAndOrganisationsThings() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (RouteAccess.Route route : routes()) {
            RouteRules.Rule rule = table.rule(route.method(), route.path()).orElseThrow();
            Ids scoped = ids.get(rule.scope());
            for (Persona persona : personas) {
                if (persona.roles().isEmpty() || !rule.allows(persona.roles()) || rule.isPublic()) {
                    continue;
                }
                if (route.method() == HttpMethod.GET) {
                    // their own things open (the state of a thing may still refuse: 404 for a missing submission, 409, 422)
                    var own = call(persona, route, fill(route.path(), scoped.own()));
                    if (own.status() == 403 || own.status() >= 500 || (own.status() == 303 && own.location().startsWith("/sign-in"))) {
                        wrong.add(route + " as " + persona.name() + " with their own ids gave " + own.status());
                    }
                }
                if (!scoped.otherPartnership().isEmpty()) {
                    checked++;
                    var far = call(persona, route, fill(route.path(), scoped.otherPartnership()));
                    if (far.status() != 404) {
                        wrong.add(route + " as " + persona.name() + " with another partnership's ids gave " + far.status());
                    }
                }
                if (persona.actsForOrganisation() && !scoped.otherOrganisation().isEmpty()) {
                    checked++;
                    var neighbour = call(persona, route, fill(route.path(), scoped.otherOrganisation()));
                    if (neighbour.status() != 404) {
                        wrong.add(route + " as " + persona.name() + " with another organisation's ids gave " + neighbour.status());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 40, "ids from elsewhere were tried: " + checked);
    }

    @Test
    void docAccessMdIsWrittenFromTheCode() throws IOException {
        String expected = RouteTableDoc.markdown(table.all());
        if (Boolean.getBoolean("assure.write-access-doc")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "doc/access.md is out of date: regenerate it with "
                + "./mvnw -o test -Dtest=RoutesByRoleWebTest -Dassure.write-access-doc=true");
    }

    private List<RouteAccess.Route> routes() {
        return RouteAccess.of(router.uriRoutes());
    }

    private boolean multipart(RouteAccess.Route route) {
        return router.uriRoutes().filter(r -> r.getHttpMethod() == route.method()
                        && RouteAccess.normalise(r.getUriMatchTemplate().toString()).equals(route.path()))
                .map(UriRouteInfo::getConsumes).flatMap(List::stream).anyMatch(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private TestBrowser.Page call(Persona persona, RouteAccess.Route route, String path) {
        if (route.method() == HttpMethod.GET) {
            return persona.browser().get(path);
        }
        if (multipart(route)) {
            return persona.browser().upload(path, "file", "empty.csv", new byte[0], Map.of());
        }
        // an empty form with the CSRF token of the persona's last page: enough to reach the route's own checks
        return persona.browser().post(path, new LinkedHashMap<>());
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new AssertionError("No id for {" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private long apiToken(CurrentUser admin) {
        LocalDate expires = Dates.today(clock).plusDays(30);
        return apiTokens.create(admin, new org.assure.api.TokenForm("Routes " + Fixtures.next(), str(expires.getDayOfMonth()),
                str(expires.getMonthValue()), str(expires.getYear()), org.assure.api.TokenForm.ALL)).value().id();
    }

    private long openCycle(CurrentUser admin, String name) {
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(30);
        return cycles.createAndOpen(admin, new CycleForms.CycleForm(name, "section-175/2025", "TYPES", List.of("SCHOOL"), List.of(), List.of(),
                List.of(), str(today.getDayOfMonth()), str(today.getMonthValue()), str(today.getYear()),
                str(deadline.getDayOfMonth()), str(deadline.getMonthValue()), str(deadline.getYear()),
                null, null, null, null, null, null, null));
    }

    /** A panel of the cycle with this member and a case for the return: the ids its routes take. */
    private Map<String, String> panelWith(CurrentUser admin, long cycleId, long returnId, Fixtures.Person member) {
        LocalDate day = Dates.today(clock).plusDays(10);
        String d = str(day.getDayOfMonth()), m = str(day.getMonthValue()), y = str(day.getYear());
        long panelId = panels.create(admin, new org.assure.panels.Panels.PanelForm(str(cycleId), "Routes panel", "ASSURANCE", d, m, y, "Room 1",
                d, m, y, "SECTION", str(member.id()))).value();
        long memberId = panels.addMember(admin, panelId, new org.assure.panels.Panels.MemberForm(str(member.id()), null, null, null)).value();
        panels.addCases(admin, panelId, new org.assure.panels.Panels.CasesForm("ONE", null, str(returnId), "By hand"));
        var page = panels.page(admin, panelId);
        long caseId = page.cases().get(0).id();
        long conflictId = panels.addConflict(admin, panelId, caseId, str(member.id()), "A test conflict").value();
        panels.clearConflict(admin, panelId, caseId, conflictId, "Cleared for the route test");
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("id", str(panelId));
        ids.put("caseId", str(caseId));
        ids.put("memberId", str(memberId));
        ids.put("conflictId", str(conflictId));
        // no challenge can be drafted on an unsubmitted return: an id the case lacks (404 from the route's own checks)
        ids.put("challengeId", "1");
        return ids;
    }

    /** An action the partnership added to the organisation, with a due-date request from its lead: the ids its routes take. */
    private Map<String, String> actionWith(CurrentUser admin, Fixtures.Person lead, Partnership p, Organisation o) {
        LocalDate due = Dates.today(clock).plusDays(20);
        LocalDate later = due.plusDays(20);
        long actionId = actionPlans.addByPartnership(admin, o.id(), new org.assure.actions.ActionPlans.ActionForm(null, "Train the governors",
                "Ola Owner", "Governor", "owner@people.test", str(due.getDayOfMonth()), str(due.getMonthValue()), str(due.getYear()), null,
                "Found at the route test")).value();
        CurrentUser leadUser = new CurrentUser(lead.id(), p.id(), p.name(), lead.email(), "Lead", Set.of(Roles.LEAD), Set.of(o.id()));
        long changeId = actionPlans.requestDueDate(leadUser, actionId, new org.assure.actions.ActionPlans.DueDateForm(str(later.getDayOfMonth()),
                str(later.getMonthValue()), str(later.getYear()), "The trainer moved")).value();
        return Map.of("id", str(actionId), "changeId", str(changeId));
    }

    private static CurrentUser user(Fixtures.Person person, Partnership p, String role) {
        return new CurrentUser(person.id(), p.id(), p.name(), person.email(), "Person", Set.of(role), Set.of());
    }

    private static TestBrowser.Page upload(TestBrowser browser, String path, String fileName, byte[] content) {
        browser.get(path);
        return browser.upload(path, "file", fileName, content, Map.of());
    }

    private static String idAfter(TestBrowser.Page uploaded, String prefix) {
        assertEquals(303, uploaded.status(), uploaded.body());
        assertTrue(uploaded.location().startsWith(prefix), uploaded.location());
        return uploaded.location().substring(prefix.length());
    }

    private static byte[] giasSample() {
        try (InputStream in = RoutesByRoleWebTest.class.getResourceAsStream("/gias/gias-sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String str(long n) {
        return String.valueOf(n);
    }
}
