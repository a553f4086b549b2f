package org.assure.organisations;

import org.assure.notify.Recipient;

/**
 * The contact of an organisation in one role (its DSL, its headteacher …), as recorded on the organisation.
 * A contact without an email address is nobody to write to; {@link ContactRecipientResolver} finds them.
 */
public record ContactRecipient(long organisationId, ContactRole role) implements Recipient {
}
