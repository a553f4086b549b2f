package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.accounts.CurrentUser;
import org.assure.audit.AuditTrail;
import org.assure.web.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The organisations feature's entrance: other features read organisations only through here. */
@Singleton
public class OrganisationService {
    private final OrganisationRepository organisations;
    private final ContactRepository contacts;
    private final AuditTrail audit;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, ContactRepository contacts, AuditTrail audit, Clock clock) {
        this.organisations = organisations;
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an organisation with its contacts; {@code actorId} is who did it, null for the system. */
    @Transactional
    public Organisation create(long partnershipId, @Nullable Long actorId, OrganisationDetails details) {
        Instant now = clock.instant();
        Organisation saved = organisations.save(new Organisation(null, partnershipId, details.kind(), details.name().strip(),
                details.sector(), details.phase(), details.category(), details.urn(), details.trustName(),
                details.localAuthority(), details.postcode(), details.hasBoarding(), details.hasEarlyYears(),
                details.parentId(), null, 0, now, now));
        details.contacts().forEach(c -> contacts.save(new OrganisationContact(null, saved.id(), c.role(), c.name(), c.email(), c.phone())));
        audit.record(partnershipId, actorId, "organisation", saved.id(), "created", null, saved.name());
        return saved;
    }

    /**
     * An organisation the person may see: in their partnership and, unless they are an admin, one of
     * their own. Anything else is "not found", so ids from elsewhere reveal nothing.
     */
    @Transactional
    public Organisation get(CurrentUser user, long id) {
        Organisation organisation = organisations.findByIdAndPartnershipId(id, user.partnershipId())
                .orElseThrow(() -> new NotFoundException("Organisation"));
        if (!user.isAdmin() && !user.actsFor(id)) {
            throw new NotFoundException("Organisation");
        }
        return organisation;
    }

    @Transactional
    public Optional<Organisation> findInPartnership(long partnershipId, long id) {
        return organisations.findByIdAndPartnershipId(id, partnershipId);
    }

    @Transactional
    public List<Organisation> active(long partnershipId) {
        return organisations.findByPartnershipIdAndArchivedAtIsNullOrderByName(partnershipId);
    }

    /** Counts for the admin dashboard. */
    @Transactional
    public Overview overview(long partnershipId) {
        List<Organisation> all = active(partnershipId);
        long schools = all.stream().filter(Organisation::isSchool).count();
        return new Overview(all.size() - schools, schools);
    }

    public record Overview(long agencies, long schools) {
    }

    @Transactional
    public List<OrganisationContact> contacts(long organisationId) {
        return contacts.findByOrganisationIdOrderByRole(organisationId);
    }
}
