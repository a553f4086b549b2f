package org.assure.notify;

import java.util.List;

/**
 * Who an email is for, as the sending feature describes them: a person it can name, or a description of
 * people whose addresses another feature keeps (an account, an organisation's leads, a contact by role,
 * whoever a section is assigned to, the partnership's admins). The feature that keeps those people
 * declares the description as a record implementing this interface and resolves it with a
 * {@link RecipientResolver}; {@link Recipients} dispatches to it. The interface is open on purpose:
 * a new kind (the partnership's named officers, say) needs a record and a resolver, not a change here.
 */
public interface Recipient {

    /** Someone the caller can name, with their address. */
    record Person(String name, String address) implements Recipient {
    }

    /**
     * Everyone {@code from} resolves to except anyone {@code except} resolves to, compared by address:
     * "every admin but the one who did it".
     */
    record Excluding(Recipient from, List<Recipient> except) implements Recipient {
        public Excluding {
            except = List.copyOf(except);
        }
    }

    static Person person(String name, String address) {
        return new Person(name, address);
    }

    static Excluding excluding(Recipient from, Recipient... except) {
        return new Excluding(from, List.of(except));
    }
}
