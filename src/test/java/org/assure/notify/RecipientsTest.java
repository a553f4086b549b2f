package org.assure.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.accounts.AccountRecipient;
import org.assure.accounts.AccountService;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.organisations.ContactRecipient;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.partnerships.Partnership;
import org.assure.returns.Delegation;
import org.assure.returns.SectionAssignee;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recipients resolve through the feature that keeps each kind of person: contacts by role, accounts, an
 * organisation's leads, a section's assignee, the partnership's admins. Each address once, nobody without
 * an address, and nobody of another partnership, whatever ids are asked for.
 */
@MicronautTest(transactional = false)
class RecipientsTest extends WebTest {
    static final String OFFICERS = "assure.test.officers";
    @Inject
    Recipients recipients;
    @Inject
    OrganisationService organisations;
    @Inject
    AccountService accounts;
    @Inject
    CycleService cycles;
    @Inject
    Delegation delegation;

    Partnership mine;
    Partnership theirs;
    Organisation school;
    Organisation farSchool;
    Fixtures.Person admin;
    Fixtures.Person otherAdmin;
    Fixtures.Person lead;
    Fixtures.Person contributor;
    Fixtures.Person farAdmin;
    Fixtures.Person farLead;
    long invitedLead;
    long invitedAdmin;
    String dsl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(OFFICERS, "true");
        return properties;
    }

    @BeforeAll
    void people() {
        mine = fixtures.partnership();
        theirs = fixtures.partnership();
        officersOf = mine.id();
        int n = Fixtures.next();
        dsl = "dsl" + n + "@school.test";
        school = organisations.create(mine.id(), null, new OrganisationDetails(OrganisationKind.SCHOOL, "School " + n, null,
                Phase.PRIMARY, SchoolCategory.MAINTAINED, String.valueOf(600000 + n), null, "Testshire", "TS1 1AA", false, false, null,
                List.of(new OrganisationDetails.Contact(ContactRole.DSL, "Dee Esel", dsl, null),
                        // the headteacher is also the DSL here, typed with capitals: one person, one email
                        new OrganisationDetails.Contact(ContactRole.HEADTEACHER, "Head Teacher", dsl.toUpperCase(), null),
                        new OrganisationDetails.Contact(ContactRole.CHAIR_OF_GOVERNORS, "Chair Without Email", null, null),
                        new OrganisationDetails.Contact(ContactRole.SAFEGUARDING_GOVERNOR, "Governor Blank", " ", null))));
        farSchool = fixtures.school(theirs);
        admin = fixtures.admin(mine);
        otherAdmin = fixtures.admin(mine);
        lead = fixtures.person(mine, Role.ORGANISATION_LEAD, school);
        contributor = fixtures.person(mine, Role.CONTRIBUTOR, school);
        farAdmin = fixtures.admin(theirs);
        farLead = fixtures.person(theirs, Role.ORGANISATION_LEAD, farSchool);
        CurrentUser asAdmin = user(admin, mine, Roles.ADMIN, Set.of());
        invitedLead = accounts.invite(asAdmin, "Invited Lead", "invited.lead" + Fixtures.next() + "@school.test", Role.ORGANISATION_LEAD, school.id());
        invitedAdmin = accounts.invite(asAdmin, "Invited Admin", "invited.admin" + Fixtures.next() + "@people.test", Role.PARTNERSHIP_ADMIN, null);
    }

    @Test
    void contactsByRoleOnceEachAndOnlyThoseWithAnAddress() {
        assertEquals(List.of(new Addressee("Dee Esel", dsl)),
                recipients.resolve(mine.id(), new ContactRecipient(school.id(), ContactRole.DSL), new ContactRecipient(school.id(), ContactRole.HEADTEACHER)),
                "the first description to name an address gives the name");
        assertEquals(List.of(new Addressee("Head Teacher", dsl.toUpperCase())),
                recipients.resolve(mine.id(), new ContactRecipient(school.id(), ContactRole.HEADTEACHER)));
        assertEquals(List.of(), recipients.resolve(mine.id(), new ContactRecipient(school.id(), ContactRole.CHAIR_OF_GOVERNORS),
                new ContactRecipient(school.id(), ContactRole.SAFEGUARDING_GOVERNOR), new ContactRecipient(school.id(), ContactRole.LEAD)));
    }

    @Test
    void accountsLeadsAndAdmins() {
        assertEquals(List.of(addressee(contributor)), recipients.resolve(mine.id(), AccountRecipient.account(contributor.id())));
        assertEquals(1, recipients.resolve(mine.id(), AccountRecipient.account(invitedLead)).size(), "an invited person can be written to");
        assertEquals(List.of(addressee(lead)), recipients.resolve(mine.id(), AccountRecipient.leadsOf(school.id())),
                "signed-up leads only: not the invited lead, not the contributor");
        assertEquals(List.of(addressee(admin), addressee(otherAdmin)), recipients.resolve(mine.id(), AccountRecipient.partnershipAdmins()),
                "signed-up admins of this partnership only");
        assertEquals(List.of(addressee(otherAdmin)),
                recipients.resolve(mine.id(), Recipient.excluding(AccountRecipient.partnershipAdmins(), AccountRecipient.account(admin.id()))));
        assertEquals(List.of(addressee(lead), new Addressee("Dee Esel", dsl)), recipients.resolve(mine.id(), AccountRecipient.leadsOf(school.id()),
                Recipient.person("Someone Else", lead.email().toUpperCase()), new ContactRecipient(school.id(), ContactRole.DSL)),
                "a named person whose address is already there is not added again");
    }

    @Test
    void whoeverASectionIsAssignedTo() {
        CurrentUser asAdmin = user(admin, mine, Roles.ADMIN, Set.of());
        long cycle = openCycle(asAdmin);
        long ret = cycles.returnOf(cycle, school.id()).orElseThrow();
        assertEquals(List.of(), recipients.resolve(mine.id(), new SectionAssignee(ret, "leadership")), "nobody yet");
        delegation.assign(user(lead, mine, Roles.LEAD, Set.of(school.id())), ret, "leadership",
                new Delegation.AssignForm(String.valueOf(contributor.id()), "", ""), FormErrors.none());
        assertEquals(List.of(addressee(contributor)), recipients.resolve(mine.id(), new SectionAssignee(ret, "leadership")));
        assertEquals(List.of(), recipients.resolve(mine.id(), new SectionAssignee(ret, "dsl")));
        assertEquals(List.of(), recipients.resolve(theirs.id(), new SectionAssignee(ret, "leadership")), "not from another partnership");
    }

    @Test
    void anotherPartnershipsPeopleAreNeverResolved() {
        assertEquals(List.of(), recipients.resolve(mine.id(),
                new ContactRecipient(farSchool.id(), ContactRole.DSL),
                AccountRecipient.account(farAdmin.id()),
                AccountRecipient.account(farLead.id()),
                AccountRecipient.leadsOf(farSchool.id())));
        assertEquals(List.of(), recipients.resolve(theirs.id(), new ContactRecipient(school.id(), ContactRole.DSL),
                AccountRecipient.account(lead.id()), AccountRecipient.leadsOf(school.id())));
        assertEquals(List.of(addressee(farAdmin)), recipients.resolve(theirs.id(), AccountRecipient.partnershipAdmins()));
    }

    @Test
    void aNewKindOfRecipientPlugsInWithItsOwnResolver() {
        assertEquals(List.of(new Addressee("Sam Exec", "exec@partnership.test")),
                recipients.resolve(mine.id(), new Officer("safeguarding executive")));
        assertEquals(List.of(), recipients.resolve(theirs.id(), new Officer("safeguarding executive")));
        var unknown = assertThrows(IllegalStateException.class, () -> recipients.resolve(mine.id(), new Unresolved()));
        assertTrue(unknown.getMessage().contains("No RecipientResolver for " + Unresolved.class.getName()), unknown.getMessage());
    }

    /** Stands in for a later feature's kind (the partnership's named officers): a record and a resolver, nothing in notify. */
    record Officer(String role) implements Recipient {
    }

    record Unresolved() implements Recipient {
    }

    /** The partnership whose "table" of officers has the safeguarding executive. */
    static volatile long officersOf = -1;

    @Singleton
    @Requires(property = OFFICERS, value = "true")
    static class Officers implements RecipientResolver<Officer> {
        @Override
        public Class<Officer> kind() {
            return Officer.class;
        }

        @Override
        public List<Addressee> resolve(long partnershipId, Officer recipient) {
            return partnershipId == officersOf && recipient.role().equals("safeguarding executive")
                    ? List.of(new Addressee("Sam Exec", "exec@partnership.test")) : List.of();
        }
    }

    private static Addressee addressee(Fixtures.Person p) {
        return new Addressee("Person " + p.email(), p.email());
    }

    private static CurrentUser user(Fixtures.Person person, Partnership p, String role, Set<Long> organisations) {
        return new CurrentUser(person.id(), p.id(), p.name(), person.email(), "Person " + person.email(), Set.of(role), organisations);
    }

    private long openCycle(CurrentUser admin) {
        LocalDate today = Dates.today(clock);
        LocalDate deadline = today.plusDays(30);
        return cycles.createAndOpen(admin, new CycleForms.CycleForm("Recipients " + Fixtures.next(), "section-175/2025", "TYPES",
                List.of("SCHOOL"), List.of(), List.of(), List.of(), str(today.getDayOfMonth()), str(today.getMonthValue()), str(today.getYear()),
                str(deadline.getDayOfMonth()), str(deadline.getMonthValue()), str(deadline.getYear()),
                null, null, null, null, null, null, null));
    }

    private static String str(int n) {
        return String.valueOf(n);
    }
}
