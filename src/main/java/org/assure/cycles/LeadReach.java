package org.assure.cycles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.accounts.AccountRecipient;
import org.assure.accounts.AccountService;
import org.assure.accounts.OrganisationLeads;
import org.assure.kernel.EmailAddress;
import org.assure.notify.Notifications;
import org.assure.notify.Recipient;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationContact;
import org.assure.organisations.OrganisationService;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a cycle reaches someone who can act for each organisation (ADR 0025): its lead accounts, signed up or
 * invited; where it has none, an invitation for its lead contact (an agency's safeguarding lead; a school's DSL,
 * or its headteacher when no DSL address is recorded) that makes them its lead. Contacts without an account are
 * never sent the cycle's email itself: they could not sign in to act on it.
 */
@Singleton
public class LeadReach {
    private final OrganisationLeads leads;
    private final AccountService accounts;
    private final OrganisationService organisations;
    private final Notifications notifications;

    LeadReach(OrganisationLeads leads, AccountService accounts, OrganisationService organisations, Notifications notifications) {
        this.leads = leads;
        this.accounts = accounts;
        this.organisations = organisations;
        this.notifications = notifications;
    }

    public enum Kind { SIGNED_UP_LEAD, INVITED_LEAD, CONTACT_TO_INVITE, NOBODY }

    /**
     * One organisation and who a cycle reaches there: {@code leads} when it has any; otherwise the
     * {@code contact} to invite; otherwise nobody, with {@code why}.
     */
    public record Reach(Organisation organisation, Kind kind, List<OrganisationLeads.Lead> leads, @Nullable OrganisationContact contact,
                 String why) {
        public boolean nobody() {
            return kind == Kind.NOBODY;
        }
    }

    /** Who each of the organisations is reached through, in their order; two queries plus one per organisation without a lead. */
    @Transactional
    List<Reach> of(long partnershipId, List<Organisation> audience) {
        Map<Long, List<OrganisationLeads.Lead>> byOrganisation = leads.byOrganisation(partnershipId);
        Map<Long, List<OrganisationContact>> contacts = organisations.contactsByOrganisation(partnershipId);
        // one address, one account (ADR 0007): a contact recorded for two organisations (a federation's DSL) is
        // invited for the first; the second is listed, not silently left out
        Map<String, Organisation> invitedFor = new java.util.HashMap<>();
        return audience.stream().map(o -> {
            Reach r = reach(o, byOrganisation.getOrDefault(o.id(), List.of()), contacts.getOrDefault(o.id(), List.of()));
            if (r.kind() != Kind.CONTACT_TO_INVITE) {
                return r;
            }
            String address = r.contact().email().strip().toLowerCase(java.util.Locale.ROOT);
            Organisation first = invitedFor.putIfAbsent(address, o);
            return first == null ? r : new Reach(o, Kind.NOBODY, List.of(), r.contact(), "No lead account; the "
                    + r.contact().role().label().toLowerCase() + "'s address, " + r.contact().email() + ", is also the lead contact of "
                    + first.name() + ", and is invited as its lead: one address can have one account. Record another address,"
                    + " or link that account to this organisation too once it exists");
        }).toList();
    }

    private Reach reach(Organisation o, List<OrganisationLeads.Lead> found, List<OrganisationContact> contacts) {
        if (found.stream().anyMatch(OrganisationLeads.Lead::signedUp)) {
            return new Reach(o, Kind.SIGNED_UP_LEAD, found, null, "");
        }
        if (!found.isEmpty()) {
            return new Reach(o, Kind.INVITED_LEAD, found, null, "");
        }
        List<ContactRole> roles = o.isSchool() ? List.of(ContactRole.DSL, ContactRole.HEADTEACHER) : List.of(ContactRole.LEAD);
        Optional<OrganisationContact> contact = roles.stream().flatMap(r -> contacts.stream()
                .filter(c -> c.role() == r && EmailAddress.valid(c.email()))).findFirst();
        String named = o.isSchool() ? "a DSL or headteacher" : "a safeguarding lead";
        if (contact.isEmpty()) {
            return new Reach(o, Kind.NOBODY, List.of(), null, "No lead account, and no usable email address recorded for " + named);
        }
        if (accounts.existsInPartnership(o.partnershipId(), contact.get().email())) {
            // Only this partnership's accounts count: whether an address has one elsewhere is not shown (ADR 0021).
            return new Reach(o, Kind.NOBODY, List.of(), contact.get(), "No lead account; the " + contact.get().role().label().toLowerCase()
                    + "'s address, " + contact.get().email() + ", already has an account, which is not a lead of this organisation");
        }
        return new Reach(o, Kind.CONTACT_TO_INVITE, List.of(), contact.get(), "");
    }

    /**
     * Tells the organisation's leads that the cycle is open for it: signed-up leads to sign in, invited ones to
     * accept their invitation first (renewed when it lapsed); with no lead, invites its lead contact as lead.
     * Returns whether anyone was reached.
     */
    boolean tell(CurrentUser admin, Reach reach, Function<Boolean, CycleOpenedEmail> email) {
        List<OrganisationLeads.Lead> toTell = reach.leads();
        if (reach.kind() == Kind.CONTACT_TO_INVITE) {
            toTell = invite(admin, reach).stream().toList();
        }
        List<Recipient> signedUp = toTell.stream().filter(OrganisationLeads.Lead::signedUp)
                .<Recipient>map(l -> AccountRecipient.account(l.accountId())).toList();
        List<Recipient> invited = toTell.stream().filter(l -> !l.signedUp())
                .peek(l -> leads.renewLapsedInvitation(admin, l.accountId()))
                .<Recipient>map(l -> AccountRecipient.account(l.accountId())).toList();
        if (!signedUp.isEmpty()) {
            notifications.send(admin.partnershipId(), email.apply(false), signedUp);
        }
        if (!invited.isEmpty()) {
            notifications.send(admin.partnershipId(), email.apply(true), invited);
        }
        return !toTell.isEmpty();
    }

    /** Invites the lead contact of an organisation without a lead: their invitation email, nothing else. */
    Optional<OrganisationLeads.Lead> invite(CurrentUser admin, Reach reach) {
        if (reach.kind() != Kind.CONTACT_TO_INVITE || reach.contact() == null) {
            return Optional.empty();
        }
        OrganisationContact c = reach.contact();
        return leads.invite(admin, org.assure.kernel.Text.blank(c.name()) ? c.email() : c.name(), c.email(), reach.organisation().id());
    }
}
