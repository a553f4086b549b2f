package org.assure.chasing;

import org.assure.accounts.AccountRecipient;
import org.assure.notify.Recipient;
import org.assure.organisations.ContactRecipient;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.partnerships.OfficerRecipient;
import org.assure.partnerships.OfficerRole;

import java.util.List;

/** Whom a reminder or a ladder step is for, by role: the organisation's people or the partnership's officers. */
public enum LadderRecipient {
    LEAD("The return's lead"),
    DSL("Designated safeguarding lead"),
    HEADTEACHER("Headteacher"),
    CHAIR_OF_GOVERNORS("Chair of governors"),
    SAFEGUARDING_GOVERNOR("Safeguarding governor"),
    BOARD_MEMBER("The agency's partnership board member"),
    ASSISTANT_DIRECTOR_EDUCATION("Assistant director of education"),
    SAFEGUARDING_EXECUTIVE("Safeguarding executive"),
    INDEPENDENT_SCRUTINEER("Independent scrutineer"),
    BUSINESS_MANAGER("Partnership business manager");

    private final String label;

    LadderRecipient(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the person is the organisation's own (a missing one is the organisation's gap) or the partnership's. */
    public boolean partnershipOfficer() {
        return ordinal() >= ASSISTANT_DIRECTOR_EDUCATION.ordinal();
    }

    /**
     * Written to if there is one: a school need not have a safeguarding governor, so a step that names one says nothing
     * when there is none (every other role missing is recorded as not sent, and warned).
     */
    public boolean ifThereIsOne() {
        return this == SAFEGUARDING_GOVERNOR;
    }

    /** The chair and the safeguarding governor get the paragraph that says why they are written to. */
    public boolean governor() {
        return this == CHAIR_OF_GOVERNORS || this == SAFEGUARDING_GOVERNOR;
    }

    /** Who this role is for one organisation, as the notify feature's recipients. */
    public List<Recipient> of(Organisation o) {
        return switch (this) {
            // an agency's lead is recorded as a contact; anyone with the lead role for the organisation is written to too
            case LEAD -> List.of(AccountRecipient.leadsOf(o.id()), new ContactRecipient(o.id(), o.isSchool() ? ContactRole.DSL : ContactRole.LEAD));
            case DSL -> List.of(new ContactRecipient(o.id(), ContactRole.DSL));
            case HEADTEACHER -> List.of(new ContactRecipient(o.id(), ContactRole.HEADTEACHER));
            case CHAIR_OF_GOVERNORS -> List.of(new ContactRecipient(o.id(), ContactRole.CHAIR_OF_GOVERNORS));
            case SAFEGUARDING_GOVERNOR -> List.of(new ContactRecipient(o.id(), ContactRole.SAFEGUARDING_GOVERNOR));
            case BOARD_MEMBER -> List.of(new ContactRecipient(o.id(), ContactRole.BOARD_MEMBER));
            case ASSISTANT_DIRECTOR_EDUCATION -> List.of(new OfficerRecipient(OfficerRole.ASSISTANT_DIRECTOR_EDUCATION));
            case SAFEGUARDING_EXECUTIVE -> List.of(new OfficerRecipient(OfficerRole.SAFEGUARDING_EXECUTIVE));
            case INDEPENDENT_SCRUTINEER -> List.of(new OfficerRecipient(OfficerRole.INDEPENDENT_SCRUTINEER));
            case BUSINESS_MANAGER -> List.of(new OfficerRecipient(OfficerRole.BUSINESS_MANAGER));
        };
    }

    /** "Riverside Primary School has no chair of governors" / "The partnership has no assistant director of education". */
    public String missing(Organisation o) {
        return partnershipOfficer() ? "The partnership has no " + label.toLowerCase(java.util.Locale.ROOT) + " recorded"
                : o.name() + " has no " + (this == LEAD ? "lead with an email address" : label.toLowerCase(java.util.Locale.ROOT)
                .replace("the agency's ", "") + " with an email address");
    }
}
