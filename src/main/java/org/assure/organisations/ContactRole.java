package org.assure.organisations;

import java.util.Arrays;
import java.util.List;

/** The named people an organisation has; escalation ladders and invitations address them. */
public enum ContactRole {
    LEAD("Safeguarding lead", "lead", OrganisationKind.AGENCY),
    /** The agency's member of the partnership board: the agency ladder's +7-day step writes to them (issue 11). */
    BOARD_MEMBER("Partnership board member", "boardMember", OrganisationKind.AGENCY),
    HEADTEACHER("Headteacher", "headteacher", OrganisationKind.SCHOOL),
    DSL("Designated safeguarding lead", "dsl", OrganisationKind.SCHOOL),
    CHAIR_OF_GOVERNORS("Chair of governors", "chairOfGovernors", OrganisationKind.SCHOOL),
    SAFEGUARDING_GOVERNOR("Safeguarding governor", "safeguardingGovernor", OrganisationKind.SCHOOL);

    private final String label;
    private final String field;
    private final OrganisationKind kind;

    ContactRole(String label, String field, OrganisationKind kind) {
        this.label = label;
        this.field = field;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    /** The prefix of this role's fields in the organisation form: {@code dslName}, {@code dslEmail}. */
    String field() {
        return field;
    }

    /**
     * The roles the form offers for a kind: agencies name a safeguarding lead and their partnership board member; schools the people
     * KCSIE names (head, DSL, chair and safeguarding governor). Contacts of other roles are kept as they are.
     */
    static List<ContactRole> forKind(OrganisationKind kind) {
        return Arrays.stream(values()).filter(r -> r.kind == kind).toList();
    }
}
