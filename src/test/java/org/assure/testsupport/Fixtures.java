package org.assure.testsupport;

import jakarta.inject.Singleton;
import org.assure.accounts.AccountService;
import org.assure.access.Role;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;
import org.assure.partnerships.Partnership;
import org.assure.partnerships.PartnershipService;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds test data through the features' own services; every name is unique, no test relies on seeded ids. */
@Singleton
public class Fixtures {
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final PartnershipService partnerships;
    private final OrganisationService organisations;
    private final AccountService accounts;

    Fixtures(PartnershipService partnerships, OrganisationService organisations, AccountService accounts) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    public record Person(long id, String email, long partnershipId) {
    }

    public static int next() {
        return SEQUENCE.incrementAndGet();
    }

    public Partnership partnership() {
        return partnerships.create("Test Partnership " + next());
    }

    public Organisation agency(Partnership partnership) {
        return organisations.create(partnership.id(), null, OrganisationDetails.agency("Agency " + next(), Sector.POLICE, null,
                List.of(new OrganisationDetails.Contact(ContactRole.LEAD, "Lead Person", "lead" + next() + "@agency.test", null))));
    }

    public Organisation school(Partnership partnership) {
        return school(partnership, null, null);
    }

    /** A school of a trust (by name) or with a parent organisation (a council, a trust added as an organisation). */
    public Organisation school(Partnership partnership, String trustName, Long parentId) {
        int n = next();
        return organisations.create(partnership.id(), null, new OrganisationDetails(OrganisationKind.SCHOOL, "School " + n, null,
                Phase.PRIMARY, trustName == null ? SchoolCategory.MAINTAINED : SchoolCategory.ACADEMY, String.valueOf(800000 + n), trustName,
                "Testshire", "TS1 1AA", false, true, parentId,
                List.of(new OrganisationDetails.Contact(ContactRole.DSL, "Dee Esel", "dsl" + n + "@school.test", null))));
    }

    public Person person(Partnership partnership, Role role, Organisation... organisations) {
        String email = role.name().toLowerCase().replace('_', '.') + next() + "@people.test";
        long id = accounts.createActive(partnership.id(), "Person " + email, email, PASSWORD, List.of(role),
                java.util.Arrays.stream(organisations).map(Organisation::id).toList());
        return new Person(id, email, partnership.id());
    }

    public Person admin(Partnership partnership) {
        return person(partnership, Role.PARTNERSHIP_ADMIN);
    }
}
