package org.assure.returns;

import org.assure.notify.Message;

/**
 * A section assigned to a colleague. {@code invitedSeparately}: they were invited just now and must set a
 * password (from the invitation) before the link works.
 */
public record SectionAssignedEmail(String assignerName, String sectionTitle, String organisationName, String cycleName,
                                   String deadline, boolean invitedSeparately, String sectionPath) implements Message {
    @Override
    public String template() {
        return "section-assigned";
    }
}
