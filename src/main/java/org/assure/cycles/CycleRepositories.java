package org.assure.cycles;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

final class CycleRepositories {
    private CycleRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Cycles extends CrudRepository<AuditCycle, Long> {
        Optional<AuditCycle> findByIdAndPartnershipId(Long id, long partnershipId);

        List<AuditCycle> findByPartnershipIdOrderByIdDesc(long partnershipId);

        List<AuditCycle> findByStatus(CycleStatus status);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface ChosenOrganisations extends io.micronaut.data.repository.GenericRepository<ChosenOrganisation, Long> {
        @Query("SELECT organisation_id FROM audit_cycle_organisation WHERE cycle_id = :cycleId ORDER BY organisation_id")
        List<Long> organisationIds(long cycleId);

        @Query("DELETE FROM audit_cycle_organisation WHERE cycle_id = :cycleId")
        void deleteAll(long cycleId);

        @Query("INSERT INTO audit_cycle_organisation (cycle_id, organisation_id) VALUES (:cycleId, :organisationId)")
        void add(long cycleId, long organisationId);
    }

    @io.micronaut.data.annotation.MappedEntity("audit_cycle_organisation")
    record ChosenOrganisation(@io.micronaut.data.annotation.Id long cycleId, long organisationId) {
    }
}
