package org.assure.notify;

import java.util.List;

/**
 * Turns one feature's kind of {@link Recipient} into the people it names. The feature that keeps those
 * people implements it as a bean; notify never depends on the feature, the feature depends on notify.
 *
 * @param <R> the kind it resolves: a record, or a sealed interface over several of the feature's kinds
 */
public interface RecipientResolver<R extends Recipient> {

    Class<R> kind();

    /**
     * The people the description names in this partnership, and never anyone of another: an id from
     * elsewhere resolves to nobody. People without an address may be returned; {@link Recipients} skips them.
     */
    List<Addressee> resolve(long partnershipId, R recipient);
}
