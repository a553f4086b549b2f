package org.assure.accounts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.notify.Addressee;
import org.assure.notify.Outbox;
import org.assure.notify.Recipients;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Sector;
import org.assure.partnerships.PartnershipService;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestClock;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;

/**
 * The migrations and every hand-written query of the foundation, run on H2 (local mode) and on the
 * MySQL-protocol server (production's kind; MariaDB here, MySQL 8 under Testcontainers elsewhere).
 */
class AccountQueriesOnBothDatabasesTest {
    /** Quotes, a backslash, a line break, a tab and characters beyond ASCII, as JSON text must keep them. */
    private static final String TRICKY = "“Ünïcode” \"quoted\" back\\slash\nnext line\ttab ’ 🙂";

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void migrationsAndQueriesWork(TestDatabases.Kind kind) {
        Assumptions.assumeTrue(kind == TestDatabases.Kind.H2 || TestDatabases.mysqlAvailable(),
                "no MySQL-protocol server: set ASSURE_TEST_MYSQL_URL or run Docker");
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(TestDatabases.of(kind)), "test")) {
            var partnerships = context.getBean(PartnershipService.class);
            var organisations = context.getBean(OrganisationService.class);
            var accountService = context.getBean(AccountService.class);
            var repositories = context.getBean(AccountRepositories.Accounts.class);
            var tokens = context.getBean(AccountRepositories.Tokens.class);
            var sessionRows = context.getBean(AccountRepositories.Sessions.class);
            var sessions = context.getBean(Sessions.class);
            var clock = context.getBean(TestClock.class);
            @SuppressWarnings("unchecked") TransactionOperations<Object> tx = context.getBean(TransactionOperations.class);

            long p = partnerships.create("Both " + kind + " " + Fixtures.next()).id();
            assertEquals("Both", partnerships.soleName().orElseThrow().substring(0, 4));
            Organisation police = organisations.create(p, null, OrganisationDetails.agency("Police ’Ünïcode’ " + kind, Sector.POLICE, null, List.of()));
            assertEquals("Police ’Ünïcode’ " + kind, organisations.findInPartnership(p, police.id()).orElseThrow().name(), "utf8mb4 round trip");

            long id = accountService.createActive(p, "Both Person", "Both@People.Test", Fixtures.PASSWORD, List.of(Role.ORGANISATION_LEAD), List.of(police.id()));
            assertEquals("both@people.test", repositories.findById(id).orElseThrow().email());

            long admin = accountService.createActive(p, "Both Admin", "both.admin@people.test", Fixtures.PASSWORD, List.of(Role.PARTNERSHIP_ADMIN), List.of());
            long helper = accountService.createActive(p, "A Helper", "both.helper@people.test", Fixtures.PASSWORD, List.of(Role.CONTRIBUTOR), List.of(police.id()));
            assertEquals(List.of(new Addressee("Both Admin", "both.admin@people.test")),
                    context.getBean(Recipients.class).resolve(p, AccountRecipient.partnershipAdmins()));
            assertEquals(List.of(helper, id), accountService.colleagues(p, police.id()).stream().map(AccountService.Colleague::id).toList(),
                    "members of the organisation by name; the admin is not one");
            assertTrue(accountService.colleagues(p, police.id()).get(1).lead());
            assertEquals(List.of(), accountService.colleagues(p + 1000, police.id()), "scoped to the partnership");
            assertTrue(admin > 0);

            String token = accountService.signIn("both@people.test", Fixtures.PASSWORD).orElseThrow();
            var user = sessions.authenticate(token).orElseThrow();
            assertEquals(java.util.Set.of(police.id()), CurrentUser.from(user).organisationIds());
            assertTrue(user.getRoles().contains(Roles.LEAD));
            Instant seen = sessionRows.findById(org.assure.kernel.SigningKey.hash(token)).orElseThrow().lastSeenAt();

            clock.advance(Duration.ofMinutes(2));
            sessions.authenticate(token);
            assertTrue(sessionRows.findById(org.assure.kernel.SigningKey.hash(token)).orElseThrow().lastSeenAt().isAfter(seen), "touched");

            for (int i = 0; i < 5; i++) {
                accountService.signIn("both@people.test", "wrong");
            }
            assertTrue(repositories.findById(id).orElseThrow().isLocked(clock.instant()));
            assertEquals(0, repositories.findById(id).orElseThrow().failedSignIns());

            tx.executeWrite(status -> {
                context.getBean(Outbox.class).send(p, "x@y.test", "Subject", "Body ’");
                context.getBean(AuditTrail.class).record(p, id, AccountAudit.INVITED, id, AuditFields.of("note", null),
                        AuditFields.of(AccountAudit.EMAIL, TRICKY, AccountAudit.ROLE, "CONTRIBUTOR"));
                return null;
            });
            assertEquals("Body ’", context.getBean(Outbox.class).recent(p).get(0).body());
            var invited = context.getBean(AuditTrail.class).history(p, AccountAudit.KIND, id).stream().filter(e -> e.is(AccountAudit.INVITED)).toList();
            assertEquals(1, invited.size());
            assertEquals(AuditFields.of(AccountAudit.EMAIL, TRICKY, AccountAudit.ROLE, "CONTRIBUTOR"), invited.get(0).after(),
                    "fields round-trip as JSON text on " + kind);
            assertTrue(invited.get(0).before().isEmpty(), "null values are left out");
            assertTrue(context.getBean(AuditTrail.class).history(p, AccountAudit.KIND, id).stream().anyMatch(e -> e.is(AccountAudit.LOCKED)));

            assertTrue(accountService.requestPasswordReset("both@people.test", "192.0.2.1"));
            assertTrue(accountService.requestPasswordReset("both@people.test", "192.0.2.1"));
            long usable = tokens.findAll().stream().filter(t -> t.accountId() == id && t.usedAt() == null).count();
            assertEquals(1, usable, "an older link is retired when a new one is sent");

            assertTrue(accountService.requestPasswordReset("both@people.test", "192.0.2.1"));
            assertFalse(accountService.requestPasswordReset("both@people.test", "192.0.2.2"), "the fourth for one email in the hour (upsert counts)");
            var throttle = context.getBean(RequestThrottle.class);

            clock.advance(Duration.ofHours(1));
            sessions.deleteIdle();
            assertTrue(sessionRows.findById(org.assure.kernel.SigningKey.hash(token)).isEmpty(), "idle rows cleared");
            assertTrue(throttle.deleteEnded() >= 2, "ended windows' counters deleted");

            // issue 9's queries: a conditional claim, the admins' count, the partnership lock, an address invited twice
            assertEquals(1, repositories.claimPasswordCheck(id, 5, clock.instant()));
            assertEquals(0, repositories.lockWhenExhausted(id, 5, clock.instant().plusSeconds(60)), "one failure is not five");
            for (int i = 0; i < 4; i++) {
                repositories.claimPasswordCheck(id, 5, clock.instant());
            }
            assertEquals(0, repositories.claimPasswordCheck(id, 5, clock.instant()), "no sixth check");
            assertEquals(1, repositories.lockWhenExhausted(id, 5, clock.instant().plusSeconds(60)));
            assertEquals(1, repositories.countActiveAdmins(p));
            assertEquals(p, tx.executeWrite(status -> repositories.lockPartnership(p)).orElseThrow());
            CurrentUser adminUser = new CurrentUser(admin, p, "Both", "both.admin@people.test", "Both Admin", java.util.Set.of(Roles.ADMIN), java.util.Set.of());
            long elsewhere = partnerships.create("Elsewhere " + kind + " " + Fixtures.next()).id();
            long otherAdmin = accountService.createActive(elsewhere, "Other Admin", "other.admin." + Fixtures.next() + "@people.test",
                    Fixtures.PASSWORD, List.of(Role.PARTNERSHIP_ADMIN), List.of());
            CurrentUser other = new CurrentUser(otherAdmin, elsewhere, "Elsewhere", "x@people.test", "Other Admin", java.util.Set.of(Roles.ADMIN), java.util.Set.of());
            long shadow = accountService.invite(other, "Same Address", "both@people.test", Role.BOARD_VIEWER, null);
            assertNull(repositories.findById(shadow).orElseThrow().signInEmail(), "the address signs in elsewhere");
            assertEquals(id, repositories.findBySignInEmail("both@people.test").orElseThrow().id());
            accountService.deactivate(adminUser, helper);
            assertTrue(repositories.findById(helper).orElseThrow().isDeactivated());
            accountService.reactivate(adminUser, helper);
            assertFalse(repositories.findById(helper).orElseThrow().isDeactivated());
        }
    }
}
