package org.assure.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Every one of these descriptions at once, each to the people {@link #resolve} would give it (the same rules:
     * only this partnership's people). {@link Recipients#resolveEach} calls it once per kind for a whole batch of
     * emails (a cycle's reminders); a resolver whose people a query can fetch for many descriptions overrides it,
     * the others keep this default, one {@code resolve} per description.
     */
    default Map<R, List<Addressee>> resolveAll(long partnershipId, Collection<R> recipients) {
        Map<R, List<Addressee>> found = new LinkedHashMap<>();
        for (R recipient : recipients) {
            found.computeIfAbsent(recipient, r -> resolve(partnershipId, r));
        }
        return found;
    }
}
