package org.assure.organisations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ImportRepository extends CrudRepository<OrganisationImport, Long> {
    Optional<OrganisationImport> findByIdAndPartnershipId(long id, long partnershipId);

    /**
     * Marks the import applied if it was not: 1 row for the first confirmation, 0 for any other. The row
     * lock it takes makes a second, concurrent confirmation wait and then find it applied.
     */
    @Query("""
            UPDATE organisation_import SET applied_at = :appliedAt
            WHERE id = :id AND partnership_id = :partnershipId AND applied_at IS NULL""")
    int updateAppliedAt(long id, long partnershipId, Instant appliedAt);

    @Query("""
            UPDATE organisation_import SET created_count = :created, updated_count = :updated,
                unchanged_count = :unchanged, archived_count = :archived, refused_count = :refused
            WHERE id = :id""")
    void updateCounts(long id, int created, int updated, int unchanged, int archived, int refused);
}
