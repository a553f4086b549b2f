package org.assure.partnerships;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.CurrentUser;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The partnership's named officers (issue 11): admins list, add, change and remove them, each change in the audit
 * trail; escalation ladders reach them by role through {@link OfficerRecipient}. Every read names the partnership.
 */
@Singleton
public class PartnershipOfficers {
    static final List<String> FIELD_ORDER = List.of("role", "name", "email");

    private final OfficerRepository officers;
    private final AuditTrail audit;
    private final AccessPolicy access;
    private final Clock clock;

    PartnershipOfficers(OfficerRepository officers, AuditTrail audit, AccessPolicy access, Clock clock) {
        this.officers = officers;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /** Each role, in the enum's order, with the people holding it (by name): what the officers page lists. */
    public record RoleHolders(OfficerRole role, List<PartnershipOfficer> officers) {
    }

    @Transactional
    public List<RoleHolders> byRole(CurrentUser admin) {
        access.requireAdmin(admin);
        Map<OfficerRole, List<PartnershipOfficer>> grouped = new LinkedHashMap<>();
        Arrays.stream(OfficerRole.values()).forEach(r -> grouped.put(r, new java.util.ArrayList<>()));
        officers.findByPartnershipIdOrderById(admin.partnershipId()).stream().sorted(BY_NAME).forEach(o -> grouped.get(o.role()).add(o));
        return grouped.entrySet().stream().map(e -> new RoleHolders(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** An officer of the admin's partnership; any other id is "not found". */
    @Transactional
    public PartnershipOfficer get(CurrentUser admin, long id) {
        access.requireAdmin(admin);
        return officers.findByIdAndPartnershipId(id, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Officer"));
    }

    /** The officers of a partnership holding a role, by name: whom an {@link OfficerRecipient} names. */
    @Transactional
    public List<PartnershipOfficer> holding(long partnershipId, OfficerRole role) {
        return officers.findByPartnershipIdAndRoleOrderById(partnershipId, role).stream().sorted(BY_NAME).toList();
    }

    /** Adds an officer from the form, or says what is wrong with it; {@code errors} are the form's own (Bean Validation). */
    @Transactional
    public Validated<PartnershipOfficer> add(CurrentUser admin, OfficerForms.OfficerForm form, FormErrors errors) {
        access.requireAdmin(admin);
        FormErrors all = check(admin.partnershipId(), form, null, errors);
        if (!all.isEmpty()) {
            return Validated.invalid(all);
        }
        Instant now = clock.instant();
        PartnershipOfficer saved = officers.save(new PartnershipOfficer(null, admin.partnershipId(), Text.parseEnum(OfficerRole.class, form.role()),
                form.name().strip(), form.email().strip(), now, now, 0));
        audit.record(admin.partnershipId(), admin.accountId(), OfficerAudit.ADDED, saved.id(), null, OfficerAudit.fields(saved));
        return Validated.valid(saved);
    }

    /**
     * Saves the form over the officer, if it was loaded from the version saved now; a form that changes nothing
     * changes and audits nothing.
     *
     * @throws Refusal (a conflict) when someone else changed or removed the officer in between; nothing is saved
     */
    @Transactional
    public Validated<PartnershipOfficer> edit(CurrentUser admin, long id, OfficerForms.OfficerForm form, FormErrors errors) {
        PartnershipOfficer current = get(admin, id);
        FormErrors all = check(admin.partnershipId(), form, id, errors);
        if (!all.isEmpty()) {
            return Validated.invalid(all);
        }
        if (!Objects.equals(Text.parseId(form.version()), (long) current.version())) {
            throw changedMeanwhile(id);
        }
        PartnershipOfficer wanted = current.with(Text.parseEnum(OfficerRole.class, form.role()), form.name().strip(), form.email().strip(),
                clock.instant());
        AuditFields before = OfficerAudit.fields(current);
        AuditFields after = OfficerAudit.fields(wanted);
        if (before.equals(after)) {
            return Validated.valid(current);
        }
        PartnershipOfficer updated;
        try {
            updated = officers.update(wanted);
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(id);
        }
        Map<String, String> was = new LinkedHashMap<>();
        Map<String, String> now = new LinkedHashMap<>();
        before.values().forEach((field, value) -> {
            if (!value.equals(after.get(field))) {
                was.put(field, value);
                now.put(field, after.get(field));
            }
        });
        audit.record(admin.partnershipId(), admin.accountId(), OfficerAudit.CHANGED, id, AuditFields.of(was), AuditFields.of(now));
        return Validated.valid(updated);
    }

    @Transactional
    public void remove(CurrentUser admin, long id) {
        PartnershipOfficer officer = get(admin, id);
        officers.delete(officer);
        audit.record(admin.partnershipId(), admin.accountId(), OfficerAudit.REMOVED, id, OfficerAudit.fields(officer), null);
    }

    /** The form's own errors, then the rules of the enum, the name's length and one address once in a role. */
    private FormErrors check(long partnershipId, OfficerForms.OfficerForm form, Long editingId, FormErrors errors) {
        OfficerRole role = Text.parseEnum(OfficerRole.class, form.role());
        if (role == null) {
            errors.add("role", "Select the person's role");
        }
        if (!errors.has("name") && form.nameTooLong()) {
            errors.add("name", OfficerForms.OfficerForm.nameTooLongMessage());
        }
        if (role != null && !errors.has("email")) {
            String address = form.email().strip().toLowerCase(Locale.ROOT);
            officers.findByPartnershipIdAndRoleOrderById(partnershipId, role).stream()
                    .filter(o -> !o.id().equals(editingId))
                    .filter(o -> o.email().toLowerCase(Locale.ROOT).equals(address))
                    .findFirst()
                    .ifPresent(o -> errors.add("email", o.name() + " already has this email address as "
                            + article(role.label()) + " " + role.label().toLowerCase(Locale.ROOT)));
        }
        return errors.inPageOrder(FIELD_ORDER);
    }

    private static String article(String label) {
        return "AEIOUaeiou".indexOf(label.charAt(0)) >= 0 ? "an" : "a";
    }

    private static Refusal changedMeanwhile(long id) {
        return Refusal.conflict("The officer was changed by someone else after you opened the page. Open it again to see their changes.")
                .backTo("/partnership/officers/" + id + "/edit", "Open the officer again");
    }

    private static final Comparator<PartnershipOfficer> BY_NAME = Comparator
            .comparing((PartnershipOfficer o) -> o.name().toLowerCase(Locale.ROOT)).thenComparing(PartnershipOfficer::id);
}
