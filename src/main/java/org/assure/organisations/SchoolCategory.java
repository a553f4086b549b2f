package org.assure.organisations;

/**
 * Which duty a school answers under: Section 175 (maintained schools, maintained special schools, FE
 * colleges, pupil referral units) or Section 157 (independent schools, and every academy and free school,
 * special and alternative-provision ones included).
 */
public enum SchoolCategory {
    MAINTAINED("Maintained school", "Section 175"),
    ACADEMY("Academy or free school", "Section 157"),
    INDEPENDENT("Independent school", "Section 157"),
    FE_COLLEGE("Further education college", "Section 175"),
    SPECIAL("Maintained special school", "Section 175"),
    PRU("Pupil referral unit", "Section 175");

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
