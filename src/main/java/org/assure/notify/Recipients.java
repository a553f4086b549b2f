package org.assure.notify;

import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place recipients are worked out: each {@link Recipient} description goes to the resolver of its
 * kind, and the people found are de-duplicated by address (the first description to name an address gives
 * the name), with anyone lacking an address left out.
 * <p>
 * The resolvers are looked up when first needed, not injected: a resolver may well use a service that
 * itself sends email (and so needs this component).
 */
@Singleton
public class Recipients {
    private final BeanProvider<RecipientResolver<?>> beans;
    private volatile List<RecipientResolver<?>> resolvers;

    Recipients(BeanProvider<RecipientResolver<?>> beans) {
        this.beans = beans;
    }

    @Transactional
    public List<Addressee> resolve(long partnershipId, Collection<? extends Recipient> recipients) {
        Map<String, Addressee> byAddress = new LinkedHashMap<>();
        for (Recipient recipient : recipients) {
            for (Addressee person : expand(partnershipId, recipient)) {
                byAddress.putIfAbsent(key(person.address()), person);
            }
        }
        return List.copyOf(byAddress.values());
    }

    @Transactional
    public List<Addressee> resolve(long partnershipId, Recipient... recipients) {
        return resolve(partnershipId, List.of(recipients));
    }

    private List<Addressee> expand(long partnershipId, Recipient recipient) {
        List<Addressee> found;
        if (recipient instanceof Recipient.Person person) {
            found = List.of(new Addressee(person.name(), person.address()));
        } else if (recipient instanceof Recipient.Excluding excluding) {
            Set<String> left = resolve(partnershipId, excluding.except()).stream().map(a -> key(a.address())).collect(Collectors.toSet());
            found = resolve(partnershipId, List.of(excluding.from())).stream().filter(a -> !left.contains(key(a.address()))).toList();
        } else {
            found = call(resolverOf(recipient), partnershipId, recipient);
        }
        List<Addressee> usable = new ArrayList<>();
        for (Addressee a : found) {
            if (a.address() != null && !a.address().isBlank()) {
                usable.add(new Addressee(a.name() == null ? "" : a.name().strip(), a.address().strip()));
            }
        }
        return usable;
    }

    private static <R extends Recipient> List<Addressee> call(RecipientResolver<R> resolver, long partnershipId, Recipient recipient) {
        return resolver.resolve(partnershipId, resolver.kind().cast(recipient));
    }

    private RecipientResolver<?> resolverOf(Recipient recipient) {
        List<RecipientResolver<?>> matching = resolvers().stream().filter(r -> r.kind().isInstance(recipient)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException(matching.isEmpty()
                    ? "No RecipientResolver for " + recipient.getClass().getName() + ": the feature that declares it must resolve it"
                    : "Several RecipientResolvers for " + recipient.getClass().getName() + ": " + matching);
        }
        return matching.get(0);
    }

    private List<RecipientResolver<?>> resolvers() {
        List<RecipientResolver<?>> known = resolvers;
        if (known == null) {
            known = beans.stream().toList();
            resolvers = known;
        }
        return known;
    }

    /** Addresses are compared as mail servers treat them in practice: without regard to case. */
    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
