package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.access.Target;
import org.assure.audit.AuditTrail;
import org.assure.kernel.Refusal;
import org.assure.kernel.FormErrors;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assure.kernel.Text;

/** The organisations feature's entrance: other features read organisations only through here. */
@Singleton
public class OrganisationService {
    private final OrganisationRepository organisations;
    private final ContactRepository contacts;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccessPolicy access;

    OrganisationService(OrganisationRepository organisations, ContactRepository contacts, AuditTrail audit, Clock clock,
                        AccessPolicy access) {
        this.access = access;
        this.organisations = organisations;
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an organisation with its contacts; {@code actorId} is who did it, null for the system. */
    @Transactional
    public Organisation create(long partnershipId, @Nullable Long actorId, OrganisationDetails details) {
        return create(partnershipId, actorId, details, OrganisationAudit.CREATED);
    }

    Organisation create(long partnershipId, @Nullable Long actorId, OrganisationDetails details, OrganisationAudit action) {
        Instant now = clock.instant();
        Organisation saved = organisations.save(new Organisation(null, partnershipId, details.kind(), details.name().strip(),
                details.sector(), details.phase(), details.category(), details.urn(), details.trustName(),
                details.localAuthority(), details.postcode(), details.hasBoarding(), details.hasEarlyYears(),
                details.parentId(), null, 0, now, now));
        details.contacts().forEach(c -> contacts.save(new OrganisationContact(null, saved.id(), c.role(), c.name(), c.email(), c.phone())));
        audit.record(partnershipId, actorId, action, saved.id(), null,
                OrganisationAudit.filledIn(details.describe(parentName(partnershipId, details.parentId()))));
        return saved;
    }

    /**
     * An organisation the person may see: in their partnership and, unless they are an admin, one of
     * their own. Anything else is "not found", so ids from elsewhere reveal nothing.
     */
    @Transactional
    public Organisation get(CurrentUser user, long id) {
        Organisation organisation = organisations.findByIdAndPartnershipId(id, user.partnershipId())
                .orElseThrow(() -> Refusal.notFound("Organisation"));
        access.require(user, Action.OPEN, Target.organisation(organisation.partnershipId(), id), "Organisation");
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

    /** Every contact of the partnership's organisations, by organisation, in one query (a cycle's whole audience). */
    @Transactional
    public Map<Long, List<OrganisationContact>> contactsByOrganisation(long partnershipId) {
        return contacts.findByPartnership(partnershipId).stream().collect(Collectors.groupingBy(OrganisationContact::organisationId));
    }

    /** The admin list, filtered; values that are not a known kind, sector, category or phase filter nothing. */
    @Transactional
    public List<OrganisationRow> search(CurrentUser admin, OrganisationForms.SearchForm search) {
        access.requireAdmin(admin);
        String q = search.q() == null ? "" : search.q().strip();
        String pattern = "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return organisations.search(admin.partnershipId(), known(OrganisationKind.class, search.kind()),
                known(Sector.class, search.sector()), known(SchoolCategory.class, search.category()),
                known(Phase.class, search.phase()), "true".equals(search.archived()), q, pattern);
    }

    /** What the organisation page shows. Organisation users see their own only (see {@link #get}). */
    @Transactional
    public OrganisationPage page(CurrentUser user, long id) {
        Organisation organisation = get(user, id);
        Organisation parent = organisation.parentId() == null ? null
                : organisations.findByIdAndPartnershipId(organisation.parentId(), user.partnershipId()).orElse(null);
        List<OrganisationContact> people = contacts.findByOrganisationIdOrderByRole(id).stream()
                .sorted(Comparator.comparing(OrganisationContact::role)).toList();
        return new OrganisationPage(organisation, people, parent,
                organisations.findByPartnershipIdAndParentIdOrderByName(user.partnershipId(), id));
    }

    public record OrganisationPage(Organisation organisation, List<OrganisationContact> contacts,
                                   @Nullable Organisation parent, List<Organisation> children) {
    }

    /** The form of an existing organisation, as saved now. */
    @Transactional
    OrganisationForms.OrganisationForm form(CurrentUser admin, long id) {
        Organisation organisation = adminGet(admin, id);
        return OrganisationForms.OrganisationForm.of(organisation, contacts.findByOrganisationIdOrderByRole(id));
    }

    /**
     * Who may be the parent: any active organisation of the partnership except the one being edited and
     * those below it, which would make a loop. A parent already chosen stays on offer even if archived.
     */
    @Transactional
    List<Organisation> parentOptions(CurrentUser admin, @Nullable Long editingId) {
        access.requireAdmin(admin);
        List<Organisation> all = organisations.findByPartnershipIdOrderByName(admin.partnershipId());
        Set<Long> excluded = editingId == null ? Set.of() : selfAndDescendants(all, editingId);
        Long currentParent = editingId == null ? null
                : all.stream().filter(o -> o.id().equals(editingId)).findFirst().map(Organisation::parentId).orElse(null);
        return all.stream()
                .filter(o -> !excluded.contains(o.id()))
                .filter(o -> !o.isArchived() || o.id().equals(currentParent))
                .toList();
    }

    private static Set<Long> selfAndDescendants(List<Organisation> all, long id) {
        Map<Long, List<Long>> children = all.stream().filter(o -> o.parentId() != null)
                .collect(Collectors.groupingBy(Organisation::parentId, Collectors.mapping(Organisation::id, Collectors.toList())));
        Set<Long> found = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            Long next = todo.pop();
            if (found.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    /** The form's own rules, then those that need the database: a free URN and a parent from the list. */
    @Transactional
    FormErrors check(CurrentUser admin, OrganisationKind kind, OrganisationForms.OrganisationForm form,
                     @Nullable Long editingId, FormErrors errors) {
        form.check(kind, errors);
        if (kind == OrganisationKind.SCHOOL && !errors.has("urn") && !Text.blank(form.urn())) {
            organisations.findByPartnershipIdAndUrn(admin.partnershipId(), form.urn().strip())
                    .filter(other -> !other.id().equals(editingId))
                    .ifPresent(other -> errors.add("urn", "URN " + other.urn() + " is already used by " + other.name()));
        }
        if (!Text.blank(form.parentId())) {
            Long parentId = Text.parseId(form.parentId());
            if (parentOptions(admin, editingId).stream().noneMatch(o -> o.id().equals(parentId))) {
                errors.add("parentId", "Select a parent organisation from the list");
            }
        }
        return errors;
    }

    /** Creates from a form that {@link #check} passed. */
    @Transactional
    Organisation create(CurrentUser admin, OrganisationKind kind, OrganisationForms.OrganisationForm form) {
        access.requireAdmin(admin);
        return create(admin.partnershipId(), admin.accountId(), form.toDetails(kind, List.of()));
    }

    /**
     * Saves a form that {@link #check} passed, if it was loaded from the version saved now.
     *
     * @throws Refusal (a conflict) when someone else saved in between; nothing is saved
     */
    @Transactional
    Organisation update(CurrentUser admin, long id, OrganisationForms.OrganisationForm form) {
        Organisation current = adminGet(admin, id);
        if (!Objects.equals(Text.parseId(form.version()), (long) current.version())) {
            throw OrganisationService.changedMeanwhile();
        }
        List<OrganisationContact> saved = contacts.findByOrganisationIdOrderByRole(id);
        return replace(current, saved, form.toDetails(current.kind(), saved), admin.accountId(), OrganisationAudit.UPDATED);
    }

    /** Where the saved organisation and the typed form differ: "before" is what is saved, "after" what was typed. */
    @Transactional
    List<FieldChange> differences(CurrentUser admin, long id, OrganisationForms.OrganisationForm form) {
        Organisation current = adminGet(admin, id);
        List<OrganisationContact> saved = contacts.findByOrganisationIdOrderByRole(id);
        OrganisationDetails typed = form.toDetails(current.kind(), saved);
        return FieldChange.between(describe(current, saved), typed.describe(parentName(admin.partnershipId(), typed.parentId())));
    }

    /**
     * Writes new details over an organisation and its contacts, and audits what changed. Changing only
     * a contact still bumps the organisation's version, so a concurrent edit of contacts is caught too.
     */
    Organisation replace(Organisation current, List<OrganisationContact> savedContacts, OrganisationDetails details,
                         @Nullable Long actorId, OrganisationAudit action) {
        List<FieldChange> changes = FieldChange.between(describe(current, savedContacts),
                details.describe(parentName(current.partnershipId(), details.parentId())));
        if (changes.isEmpty()) {
            return current;
        }
        Organisation updated;
        try {
            updated = organisations.update(current.with(details, clock.instant()));
        } catch (OptimisticLockException e) {
            throw OrganisationService.changedMeanwhile();
        }
        writeContacts(current.id(), savedContacts, details.contacts());
        audit.record(current.partnershipId(), actorId, action, current.id(),
                OrganisationAudit.changes(changes, false), OrganisationAudit.changes(changes, true));
        return updated;
    }

    private void writeContacts(long organisationId, List<OrganisationContact> saved, List<OrganisationDetails.Contact> wanted) {
        for (OrganisationContact old : saved) {
            if (wanted.stream().noneMatch(c -> c.role() == old.role())) {
                contacts.delete(old);
            }
        }
        for (OrganisationDetails.Contact c : wanted) {
            Optional<OrganisationContact> old = saved.stream().filter(s -> s.role() == c.role()).findFirst();
            OrganisationContact row = new OrganisationContact(old.map(OrganisationContact::id).orElse(null), organisationId,
                    c.role(), c.name(), c.email(), c.phone());
            if (old.isEmpty()) {
                contacts.save(row);
            } else if (!old.get().equals(row)) {
                contacts.update(row);
            }
        }
    }

    @Transactional
    void archive(CurrentUser admin, long id) {
        setArchived(adminGet(admin, id), true, admin.accountId(), OrganisationAudit.ARCHIVED);
    }

    @Transactional
    void restore(CurrentUser admin, long id) {
        setArchived(adminGet(admin, id), false, admin.accountId(), OrganisationAudit.RESTORED);
    }

    /** Archives or restores; asking for the state it is already in changes and audits nothing. */
    void setArchived(Organisation organisation, boolean archived, @Nullable Long actorId, OrganisationAudit action) {
        if (organisation.isArchived() == archived) {
            return;
        }
        Instant now = clock.instant();
        organisations.update(organisation.withArchivedAt(archived ? now : null, now));
        audit.record(organisation.partnershipId(), actorId, action, organisation.id(),
                OrganisationAudit.status(!archived), OrganisationAudit.status(archived));
    }

    /** Schools of the partnership by URN, archived ones included, with their contacts: what an import compares against. */
    List<ImportPlan.Existing> schoolsByUrn(long partnershipId) {
        Map<Long, List<OrganisationContact>> byOrganisation = contacts.findByPartnership(partnershipId).stream()
                .collect(Collectors.groupingBy(OrganisationContact::organisationId));
        return organisations.findByPartnershipIdAndUrnIsNotNull(partnershipId).stream()
                .map(o -> new ImportPlan.Existing(o, byOrganisation.getOrDefault(o.id(), List.of())))
                .toList();
    }

    private Map<String, String> describe(Organisation organisation, List<OrganisationContact> savedContacts) {
        return OrganisationDetails.of(organisation, savedContacts).describe(parentName(organisation.partnershipId(), organisation.parentId()));
    }

    private String parentName(long partnershipId, @Nullable Long parentId) {
        return parentId == null ? "" : organisations.findByIdAndPartnershipId(parentId, partnershipId).map(Organisation::name).orElse("");
    }

    private Organisation adminGet(CurrentUser admin, long id) {
        access.requireAdmin(admin);
        return get(admin, id);
    }

    /** Someone else saved the organisation after the form was loaded: nothing was saved. */
    /** For the feature's other services: the partnership's administration is for its admins. */
    void requireAdmin(CurrentUser user) {
        access.requireAdmin(user);
    }

    static Refusal changedMeanwhile() {
        return Refusal.conflict("The organisation was changed by someone else");
    }

    private static <E extends Enum<E>> String known(Class<E> type, @Nullable String value) {
        E parsed = Text.parseEnum(type, value);
        return parsed == null ? "" : parsed.name();
    }
}
