package org.assure.organisations;

/**
 * Which duty a school answers under: Section 175 (maintained schools, FE colleges, PRUs) or
 * Section 157 (independent schools, academies and free schools).
 */
public enum SchoolCategory {
    MAINTAINED("Maintained school", "Section 175"),
    ACADEMY("Academy or free school", "Section 157"),
    INDEPENDENT("Independent school", "Section 157"),
    FE_COLLEGE("Further education college", "Section 175"),
    SPECIAL("Special school", "Section 175"),
    PRU("Pupil referral unit or alternative provision", "Section 175");

    private final String label;
    private final String duty;

    SchoolCategory(String label, String duty) {
        this.label = label;
        this.duty = duty;
    }

    public String label() {
        return label;
    }

    public String duty() {
        return duty;
    }
}
