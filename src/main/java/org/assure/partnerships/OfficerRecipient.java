package org.assure.partnerships;

import org.assure.notify.Recipient;

/** Everyone of the partnership holding an officer role (its safeguarding executive members, say), as the officers page records them. */
public record OfficerRecipient(OfficerRole role) implements Recipient {
}
