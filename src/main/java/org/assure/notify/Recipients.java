package org.assure.notify;

import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
        return resolveEach(partnershipId, List.of(recipients)).get(0);
    }

    @Transactional
    public List<Addressee> resolve(long partnershipId, Recipient... recipients) {
        return resolve(partnershipId, List.of(recipients));
    }

    /**
     * Many lists of recipients at once (one per email to write: each of a cycle's reminders), each resolved as
     * {@link #resolve} resolves it, in the same order. Every resolver is called once, with every description of
     * its kind the lists hold, so a whole batch costs a query or two per kind, not per email.
     */
    @Transactional
    public List<List<Addressee>> resolveEach(long partnershipId, List<? extends Collection<? extends Recipient>> lists) {
        Map<RecipientResolver<?>, Set<Recipient>> wanted = new LinkedHashMap<>();
        for (Collection<? extends Recipient> list : lists) {
            for (Recipient recipient : list) {
                collect(recipient, wanted);
            }
        }
        Map<Recipient, List<Addressee>> found = new HashMap<>();
        wanted.forEach((resolver, asked) -> found.putAll(call(resolver, partnershipId, asked)));
        List<List<Addressee>> resolved = new ArrayList<>(lists.size());
        for (Collection<? extends Recipient> list : lists) {
            resolved.add(assemble(list, found));
        }
        return resolved;
    }

    /** The descriptions a resolver must answer, by resolver: a person needs none, an exclusion those of both its sides. */
    private void collect(Recipient recipient, Map<RecipientResolver<?>, Set<Recipient>> wanted) {
        if (recipient instanceof Recipient.Person) {
            return;
        }
        if (recipient instanceof Recipient.Excluding excluding) {
            collect(excluding.from(), wanted);
            excluding.except().forEach(r -> collect(r, wanted));
            return;
        }
        wanted.computeIfAbsent(resolverOf(recipient), r -> new LinkedHashSet<>()).add(recipient);
    }

    /** One list's people, each address once (the first description to name it gives the name). */
    private static List<Addressee> assemble(Collection<? extends Recipient> recipients, Map<Recipient, List<Addressee>> found) {
        Map<String, Addressee> byAddress = new LinkedHashMap<>();
        for (Recipient recipient : recipients) {
            for (Addressee person : expand(recipient, found)) {
                byAddress.putIfAbsent(key(person.address()), person);
            }
        }
        return List.copyOf(byAddress.values());
    }

    private static List<Addressee> expand(Recipient recipient, Map<Recipient, List<Addressee>> found) {
        List<Addressee> people;
        if (recipient instanceof Recipient.Person person) {
            people = List.of(new Addressee(person.name(), person.address()));
        } else if (recipient instanceof Recipient.Excluding excluding) {
            Set<String> left = assemble(excluding.except(), found).stream().map(a -> key(a.address())).collect(Collectors.toSet());
            people = assemble(List.of(excluding.from()), found).stream().filter(a -> !left.contains(key(a.address()))).toList();
        } else {
            people = found.getOrDefault(recipient, List.of());
        }
        List<Addressee> usable = new ArrayList<>();
        for (Addressee a : people) {
            if (a.address() != null && !a.address().isBlank()) {
                usable.add(new Addressee(a.name() == null ? "" : a.name().strip(), a.address().strip()));
            }
        }
        return usable;
    }

    private static <R extends Recipient> Map<? extends Recipient, List<Addressee>> call(RecipientResolver<R> resolver, long partnershipId,
                                                                                         Set<Recipient> recipients) {
        List<R> asked = recipients.stream().map(r -> resolver.kind().cast(r)).toList();
        return resolver.resolveAll(partnershipId, asked);
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
