package org.assure.partnerships;

import io.micronaut.context.ApplicationContext;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.kernel.DatabaseErrors;
import org.assure.kernel.FormErrors;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V20's table on H2 and, where one is available, on a MySQL-protocol server: roles by name, the unique address per role, versions. */
class OfficerQueriesOnBothDatabasesTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void officersAreKeptByPartnershipAndRoleWithOneAddressOncePerRole(TestDatabases.Kind kind) {
        Assumptions.assumeTrue(kind == TestDatabases.Kind.H2 || TestDatabases.mysqlAvailable(), "no MySQL-protocol server here");
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(TestDatabases.of(kind)), "test")) {
            PartnershipService partnerships = context.getBean(PartnershipService.class);
            PartnershipOfficers officers = context.getBean(PartnershipOfficers.class);
            OfficerRepository rows = context.getBean(OfficerRepository.class);
            long p = partnerships.create("Officers").id();
            long other = partnerships.create("Elsewhere").id();
            CurrentUser admin = new CurrentUser(1, p, "Officers", "admin@officers.test", "Admin", Set.of(Roles.ADMIN), Set.of());
            CurrentUser farAdmin = new CurrentUser(2, other, "Elsewhere", "admin@elsewhere.test", "Admin", Set.of(Roles.ADMIN), Set.of());

            PartnershipOfficer exec = officers.add(admin, new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Zoë Brontë", "zoe@council.test", "0"),
                    FormErrors.none()).value();
            officers.add(admin, new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Amy Exec", "amy@police.test", "0"), FormErrors.none());
            officers.add(farAdmin, new OfficerForms.OfficerForm("SAFEGUARDING_EXECUTIVE", "Far Exec", "zoe@council.test", "0"), FormErrors.none());

            assertEquals(List.of("Amy Exec", "Zoë Brontë"), officers.holding(p, OfficerRole.SAFEGUARDING_EXECUTIVE).stream()
                    .map(PartnershipOfficer::name).toList(), "by name, this partnership's only; accents kept");
            assertEquals(List.of(), officers.holding(p, OfficerRole.BUSINESS_MANAGER));
            assertTrue(rows.findByIdAndPartnershipId(exec.id(), other).isEmpty(), "another partnership's id finds nothing");

            Instant now = Instant.parse("2026-01-01T10:00:00Z");
            var duplicate = assertThrows(RuntimeException.class, () -> rows.save(new PartnershipOfficer(null, p,
                    OfficerRole.SAFEGUARDING_EXECUTIVE, "Same Again", "zoe@council.test", now, now, 0)));
            assertTrue(DatabaseErrors.isDuplicateKey(duplicate), "the unique key catches two posts at one moment: " + duplicate);

            PartnershipOfficer renamed = officers.edit(admin, exec.id(),
                    new OfficerForms.OfficerForm("INDEPENDENT_SCRUTINEER", "Zoë Brontë", "zoe@council.test", "0"), FormErrors.none()).value();
            assertEquals(1, renamed.version());
            assertEquals(OfficerRole.INDEPENDENT_SCRUTINEER, rows.findById(exec.id()).orElseThrow().role());
            assertThrows(RuntimeException.class, () -> rows.update(exec), "a row saved from an old version is refused");
        }
    }
}
