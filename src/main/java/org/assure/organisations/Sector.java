package org.assure.organisations;

/** The sector of an agency under the Section 11 duty (or expected to comply with it). */
public enum Sector {
    LOCAL_AUTHORITY("Local authority"),
    DISTRICT_COUNCIL("District council"),
    POLICE("Police"),
    NHS_TRUST("NHS trust or foundation trust"),
    INTEGRATED_CARE_BOARD("Integrated care board"),
    PRIMARY_CARE("GP or primary care"),
    PROBATION("Probation Service"),
    YOUTH_JUSTICE("Youth justice service"),
    FIRE_AND_RESCUE("Fire and rescue"),
    CAFCASS("Cafcass"),
    HOUSING("Housing provider"),
    VOLUNTARY("Voluntary, community or faith organisation"),
    EARLY_YEARS("Early years provider"),
    ACADEMY_TRUST("Academy trust"),
    OTHER("Other");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
