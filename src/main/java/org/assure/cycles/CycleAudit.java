package org.assure.cycles;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the audit trail records about a cycle. The codes are stored: never change one. Created and updated carry
 * the cycle's {@link #fields}; the status changes {@code status} (a {@link CycleStatus} name); an organisation added
 * {@code organisation} (its id) and {@code organisationName}; reopened the status, closed to open; deleted carries the
 * draft's {@link #fields} as before; leads invited {@code invited}, how many lead contacts were invited.
 */
public enum CycleAudit implements AuditAction {
    CREATED("created"), UPDATED("updated"), OPENED("open"), CLOSED("closed"), ARCHIVED("archived"),
    ORGANISATION_ADDED("organisation added"), REOPENED("reopened"), DELETED("deleted"), LEADS_INVITED("leads invited");

    public static final AuditKind KIND = new AuditKind("cycle");

    public static final String NAME = "name";
    public static final String BANK = "bank";
    public static final String BANK_VERSION = "bankVersion";
    public static final String AUDIENCE = "audience";
    public static final String KINDS = "kinds";
    public static final String CATEGORIES = "categories";
    public static final String SECTORS = "sectors";
    public static final String ORGANISATIONS = "organisations";
    public static final String OPENS_ON = "opensOn";
    public static final String DEADLINE = "deadline";
    public static final String FINAL_DEADLINE = "finalDeadline";
    public static final String PANEL_DATE = "panelDate";
    public static final String ORGANISATION = "organisation";
    public static final String ORGANISATION_NAME = "organisationName";
    public static final String INVITED = "invited";

    private final String code;

    CycleAudit(String code) {
        this.code = code;
    }

    @Override
    public AuditKind kind() {
        return KIND;
    }

    @Override
    public String code() {
        return code;
    }

    static CycleAudit movedTo(CycleStatus status) {
        return switch (status) {
            case OPEN -> OPENED;
            case CLOSED -> CLOSED;
            case ARCHIVED -> ARCHIVED;
            case DRAFT -> throw new IllegalArgumentException("A cycle never moves back to draft");
        };
    }

    /**
     * The cycle as set up: audience {@code TYPES} with the kinds, categories and sectors (comma-separated names,
     * empty for all), or {@code CHOSEN} with the organisations' ids; dates as yyyy-MM-dd.
     */
    static AuditFields fields(AuditCycle c, List<Long> chosenIds) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(NAME, c.name());
        f.put(BANK, c.bankKey());
        f.put(BANK_VERSION, c.bankVersion());
        f.put(AUDIENCE, c.audienceMode().name());
        if (c.audienceMode() == AudienceMode.CHOSEN) {
            f.put(ORGANISATIONS, chosenIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else {
            f.put(KINDS, c.audienceKinds());
            f.put(CATEGORIES, c.audienceCategories());
            f.put(SECTORS, c.audienceSectors());
        }
        f.put(OPENS_ON, c.opensOn().toString());
        f.put(DEADLINE, c.deadline().toString());
        f.put(FINAL_DEADLINE, c.finalDeadline() == null ? null : c.finalDeadline().toString());
        f.put(PANEL_DATE, c.panelDate() == null ? null : c.panelDate().toString());
        return AuditFields.of(f);
    }
}
