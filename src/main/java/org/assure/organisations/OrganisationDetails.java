package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What describes an organisation, without its identity and bookkeeping: the input to create and update. */
public record OrganisationDetails(OrganisationKind kind,
                                  String name,
                                  @Nullable Sector sector,
                                  @Nullable Phase phase,
                                  @Nullable SchoolCategory category,
                                  @Nullable String urn,
                                  @Nullable String trustName,
                                  @Nullable String localAuthority,
                                  @Nullable String postcode,
                                  boolean hasBoarding,
                                  boolean hasEarlyYears,
                                  @Nullable Long parentId,
                                  List<Contact> contacts) {

    /** A named person of the organisation. */
    public record Contact(ContactRole role, String name, @Nullable String email, @Nullable String phone) {
    }

    public static OrganisationDetails agency(String name, Sector sector, @Nullable Long parentId, List<Contact> contacts) {
        return new OrganisationDetails(OrganisationKind.AGENCY, name, sector, null, null, null, null, null, null,
                false, false, parentId, contacts);
    }

    static OrganisationDetails of(Organisation o, List<OrganisationContact> contacts) {
        return new OrganisationDetails(o.kind(), o.name(), o.sector(), o.phase(), o.category(), o.urn(), o.trustName(),
                o.localAuthority(), o.postcode(), o.hasBoarding(), o.hasEarlyYears(), o.parentId(),
                contacts.stream().map(c -> new Contact(c.role(), c.name(), c.email(), c.phone())).toList());
    }

    /**
     * Every field as a person reads it, in page order: what audit records, import previews and edit
     * conflicts compare. The parent is given by name because its id means nothing to a reader.
     */
    Map<String, String> describe(String parentName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Name", name);
        fields.put("Sector", sector == null ? "" : sector.label());
        fields.put("Phase", phase == null ? "" : phase.label());
        fields.put("Category", category == null ? "" : category.label());
        fields.put("URN", text(urn));
        fields.put("Trust", text(trustName));
        fields.put("Local authority", text(localAuthority));
        fields.put("Postcode", text(postcode));
        fields.put("Boarding", hasBoarding ? "Yes" : "No");
        fields.put("Early years", hasEarlyYears ? "Yes" : "No");
        fields.put("Parent organisation", parentName);
        for (ContactRole role : ContactRole.values()) {
            fields.put(role.label(), contacts.stream().filter(c -> c.role() == role).findFirst()
                    .map(c -> c.name() + (c.email() == null || c.email().isBlank() ? "" : " (" + c.email() + ")"))
                    .orElse(""));
        }
        return fields;
    }

    /**
     * The stable name the audit trail stores a described field under ({@code name}, {@code localAuthority},
     * {@code dsl}): labels are for people and may be reworded.
     */
    static String auditName(String label) {
        String name = AUDIT_NAMES.get(label);
        if (name == null) {
            throw new IllegalArgumentException("No audit name for the field " + label);
        }
        return name;
    }

    private static final Map<String, String> AUDIT_NAMES = auditNames();

    private static Map<String, String> auditNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Name", "name");
        names.put("Sector", "sector");
        names.put("Phase", "phase");
        names.put("Category", "category");
        names.put("URN", "urn");
        names.put("Trust", "trust");
        names.put("Local authority", "localAuthority");
        names.put("Postcode", "postcode");
        names.put("Boarding", "boarding");
        names.put("Early years", "earlyYears");
        names.put("Parent organisation", "parent");
        for (ContactRole role : ContactRole.values()) {
            names.put(role.label(), role.field());
        }
        return Map.copyOf(names);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
