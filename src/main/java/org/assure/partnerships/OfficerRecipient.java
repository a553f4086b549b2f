package org.assure.partnerships;

import org.assure.notify.Recipient;

/** Every officer of the partnership in this role (there may be several safeguarding executive members). */
public record OfficerRecipient(OfficerRole role) implements Recipient {
}
