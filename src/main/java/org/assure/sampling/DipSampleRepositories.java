package org.assure.sampling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The dip sample tables (V21) and their repositories. */
final class DipSampleRepositories {
    private DipSampleRepositories() {
    }

    @MappedEntity("dip_sample_run")
    record Run(@Id @GeneratedValue @Nullable Long id, long partnershipId, long cycleId, String bankKey, long runBy, String runByName, Instant runAt,
               LocalDate drawnOn, String seed, boolean seedDrawn, int sampleSize, boolean onlySubmitted, int exclusionYears,
               boolean excludeGoingToPanel, String stratify, String fingerprint, String method, @Nullable String message,
               @Nullable String rerunReason, @Nullable Long earlierRunId, @Nullable Long followedByRunId, String followsKey) {

        SampleOptions options() {
            return new SampleOptions(sampleSize, onlySubmitted, exclusionYears, excludeGoingToPanel, SampleOptions.Stratify.valueOf(stratify));
        }

        Run followedBy(long runId) {
            return new Run(id, partnershipId, cycleId, bankKey, runBy, runByName, runAt, drawnOn, seed, seedDrawn, sampleSize, onlySubmitted,
                    exclusionYears, excludeGoingToPanel, stratify, fingerprint, method, message, rerunReason, earlierRunId, runId, followsKey);
        }
    }

    @MappedEntity("dip_sample_school")
    record School(@Id @GeneratedValue @Nullable Long id, long partnershipId, long runId, long organisationId, long returnId,
                  @Nullable String urn, String name, String stratum, @Nullable String ticket, @Nullable String reasons, boolean picked) {

        boolean eligible() {
            return ticket != null;
        }

        School withPicked(boolean now) {
            return new School(id, partnershipId, runId, organisationId, returnId, urn, name, stratum, ticket, reasons, now);
        }
    }

    @MappedEntity("dip_sample_replacement")
    record ReplacementRow(@Id @GeneratedValue @Nullable Long id, long partnershipId, long runId, long withdrawnId, @Nullable Long byId,
                          String reason, long replacedBy, String replacedByName, Instant replacedAt) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Runs extends CrudRepository<Run, Long> {
        List<Run> findByCycleIdOrderByIdDesc(long cycleId);

        Optional<Run> findByIdAndCycleIdAndPartnershipId(long id, long cycleId, long partnershipId);

        /** The partnership's current runs (not followed by a re-run) of a bank's cycles. */
        List<Run> findByPartnershipIdAndBankKeyAndFollowedByRunIdIsNull(long partnershipId, String bankKey);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Schools extends CrudRepository<School, Long> {
        List<School> findByRunIdOrderById(long runId);

        List<School> findByRunIdInAndPickedTrue(Collection<Long> runIds);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Replacements extends CrudRepository<ReplacementRow, Long> {
        List<ReplacementRow> findByRunIdOrderById(long runId);
    }
}
