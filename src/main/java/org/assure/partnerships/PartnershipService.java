package org.assure.partnerships;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

@Singleton
public class PartnershipService {
    private final PartnershipRepository partnerships;
    private final Clock clock;

    PartnershipService(PartnershipRepository partnerships, Clock clock) {
        this.partnerships = partnerships;
        this.clock = clock;
    }

    @Transactional
    public Partnership create(String name) {
        return partnerships.save(new Partnership(null, name.strip(), clock.instant()));
    }

    @Transactional
    public Optional<Partnership> find(long id) {
        return partnerships.findById(id);
    }

    @Transactional
    public boolean any() {
        return partnerships.count() > 0;
    }

    @Transactional
    public Optional<Partnership> findByName(String name) {
        return partnerships.findByName(name);
    }

    /**
     * The name to show before anyone signs in: the partnership's, when this installation serves one
     * (the usual case); otherwise the caller falls back to the product name.
     */
    @Transactional
    public Optional<String> soleName() {
        List<Partnership> first = partnerships.findTop2OrderById();
        return first.size() == 1 ? Optional.of(first.get(0).name()) : Optional.empty();
    }
}
