package org.assure.organisations;

import io.micronaut.context.ApplicationContext;
import org.assure.access.CurrentUser;
import org.assure.access.Roles;
import org.assure.partnerships.PartnershipService;
import org.assure.testsupport.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written SQL of this feature (through the service, so the LIKE escaping is covered), on H2 and, where one is available, on a MySQL-protocol server. */
class OrganisationQueriesOnBothDatabasesTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void searchFiltersLikeTheListPageSays(TestDatabases.Kind kind) {
        try (ApplicationContext context = start(kind)) {
            OrganisationService service = context.getBean(OrganisationService.class);
            long p = context.getBean(PartnershipService.class).create("Queries").id();
            CurrentUser admin = new CurrentUser(1, p, "Queries", "admin@queries.test", "Admin", Set.of(Roles.ADMIN), Set.of());
            long other = context.getBean(PartnershipService.class).create("Elsewhere").id();
            Organisation council = service.create(p, null, OrganisationDetails.agency("Northbridge Council", Sector.LOCAL_AUTHORITY, null, List.of()));
            service.create(p, null, OrganisationDetails.agency("northbridge council – housing", Sector.HOUSING, council.id(), List.of()));
            service.create(p, null, OrganisationDetails.agency("100% Kids_Club", Sector.VOLUNTARY, null, List.of()));
            Organisation school = service.create(p, null, new OrganisationDetails(OrganisationKind.SCHOOL, "Ashby High School", null,
                    Phase.SECONDARY, SchoolCategory.ACADEMY, "901021", "Oak Trust", null, null, false, false, null,
                    List.of(new OrganisationDetails.Contact(ContactRole.HEADTEACHER, "Head", null, null))));
            Organisation archived = service.create(p, null, OrganisationDetails.agency("Old Council", Sector.LOCAL_AUTHORITY, null, List.of()));
            service.archive(admin, archived.id());
            service.create(other, null, OrganisationDetails.agency("Northbridge Council Elsewhere", Sector.LOCAL_AUTHORITY, null, List.of()));

            assertEquals(List.of("100% Kids_Club", "Ashby High School", "Northbridge Council", "northbridge council – housing"),
                    names(search(service, admin, null, null, null, null, null, null)), "by name, case-insensitively; archived hidden");
            assertEquals(5, search(service, admin, null, null, null, null, null, "true").size());
            assertEquals(List.of("Northbridge Council", "northbridge council – housing"), names(search(service, admin, "NORTHBRIDGE", null, null, null, null, null)));
            assertEquals(List.of("100% Kids_Club"), names(search(service, admin, "100%", null, null, null, null, null)), "% is literal");
            assertEquals(List.of("100% Kids_Club"), names(search(service, admin, "s_c", null, null, null, null, null)), "_ is literal");
            assertEquals(List.of("Ashby High School"), names(search(service, admin, "901021", null, null, null, null, null)), "URN");
            assertEquals(List.of(), names(search(service, admin, "9010", null, null, null, null, null)), "URNs match whole");

            List<OrganisationRow> housing = search(service, admin, null, "AGENCY", "HOUSING", null, null, null);
            assertEquals("Northbridge Council", housing.get(0).parentName());
            assertEquals(OrganisationKind.AGENCY, housing.get(0).kind());
            List<OrganisationRow> schools = search(service, admin, null, "SCHOOL", null, "ACADEMY", "SECONDARY", null);
            assertEquals(List.of("Ashby High School"), names(schools));
            assertEquals("Oak Trust", schools.get(0).trustName());
            assertEquals(Phase.SECONDARY, schools.get(0).phase());
            assertEquals(List.of(), search(service, admin, null, "SCHOOL", null, null, "PRIMARY", null));
            assertEquals(true, search(service, admin, "old", null, null, null, null, "true").get(0).isArchived());

            assertEquals(1, context.getBean(ContactRepository.class).findByPartnership(p).size());
            assertEquals(List.of(school.id()), service.schoolsByUrn(p).stream().map(e -> e.organisation().id()).toList());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void anImportIsClaimedOnce(TestDatabases.Kind kind) {
        try (ApplicationContext context = start(kind)) {
            ImportRepository imports = context.getBean(ImportRepository.class);
            long p = context.getBean(PartnershipService.class).create("Imports").id();
            long accountId = 1;
            Instant now = Instant.parse("2025-01-01T10:00:00Z");
            // account_id has no foreign key, so any number stands for the uploader here.
            long id = imports.save(new OrganisationImport(null, p, accountId, "a.csv", new byte[]{1, 2, 3}, now, null, 0, 0, 0, 0, 0, null)).id();
            assertEquals(0, imports.updateAppliedAt(id, p + 1, now), "another partnership cannot claim it");
            assertEquals(1, imports.updateAppliedAt(id, p, now));
            assertEquals(0, imports.updateAppliedAt(id, p, now), "nor can anyone claim it twice");
            imports.updateCounts(id, 1, 2, 3, 4, 5);
            OrganisationImport stored = imports.findByIdAndPartnershipId(id, p).orElseThrow();
            assertEquals(new ImportPlan.Summary(1, 2, 3, 4, 5), stored.summary());
            assertEquals(3, stored.content().length);

            // The rows kept at upload (V15), with the longest values the reader keeps and text beyond Latin-1.
            ImportRowRepository rows = context.getBean(ImportRowRepository.class);
            String longest = "Chloë’s ".repeat(100).substring(0, GiasReader.MAX_VALUE);
            GiasRow row = new GiasRow(3, "100000", longest, longest, longest, longest, longest, longest, longest, longest, longest,
                    longest, longest, longest, longest);
            rows.saveAll(List.of(ImportRow.of(id, row), ImportRow.of(id, new GiasRow(2, "", "", "", "", "", "", "", "", "", "", "", "",
                    "", ""))));
            assertEquals(List.of(2, 3), rows.findByImportIdOrderBySheetRow(id).stream().map(ImportRow::sheetRow).toList());
            assertEquals(row, rows.findByImportIdOrderBySheetRow(id).get(1).gias());
            long refused = imports.save(new OrganisationImport(null, p, accountId, "b.xlsx", new byte[0], now, null, 0, 0, 0, 0, 0,
                    "x".repeat(1000))).id();
            assertTrue(imports.findByIdAndPartnershipId(refused, p).orElseThrow().isRefused());
        }
    }

    private static List<OrganisationRow> search(OrganisationService service, CurrentUser admin, String q, String kind,
                                                String sector, String category, String phase, String archived) {
        return service.search(admin, new OrganisationForms.SearchForm(q, kind, sector, category, phase, archived));
    }

    private static ApplicationContext start(TestDatabases.Kind kind) {
        Assumptions.assumeTrue(kind == TestDatabases.Kind.H2 || TestDatabases.mysqlAvailable(), "no MySQL-protocol server here");
        return ApplicationContext.run(new HashMap<>(TestDatabases.of(kind)), "test");
    }

    private static List<String> names(List<OrganisationRow> rows) {
        return rows.stream().map(OrganisationRow::name).toList();
    }
}
