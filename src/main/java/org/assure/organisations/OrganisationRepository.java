package org.assure.organisations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OrganisationRepository extends CrudRepository<Organisation, Long> {
    Optional<Organisation> findByIdAndPartnershipId(Long id, long partnershipId);

    Optional<Organisation> findByPartnershipIdAndUrn(long partnershipId, String urn);

    List<Organisation> findByPartnershipIdAndArchivedAtIsNullOrderByName(long partnershipId);

    List<Organisation> findByPartnershipIdOrderByName(long partnershipId);

    List<Organisation> findByPartnershipIdAndParentIdOrderByName(long partnershipId, Long parentId);

    List<Organisation> findByPartnershipIdAndUrnIsNotNull(long partnershipId);

    /**
     * The admin list. Empty strings mean "any" so that every parameter is bound as a plain string:
     * H2 cannot type a bare {@code ? IS NULL}. {@code pattern} is the LIKE form of {@code q}, already escaped.
     */
    @Query("""
            SELECT o.id, o.kind, o.name, o.urn, o.sector, o.phase, o.category, o.trust_name,
                   p.name AS parent_name, o.archived_at
            FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_id
            WHERE o.partnership_id = :partnershipId
              AND (:kind = '' OR o.kind = :kind)
              AND (:sector = '' OR o.sector = :sector)
              AND (:category = '' OR o.category = :category)
              AND (:phase = '' OR o.phase = :phase)
              AND (:includeArchived = TRUE OR o.archived_at IS NULL)
              AND (:q = '' OR LOWER(o.name) LIKE :pattern OR o.urn = :q)
            ORDER BY LOWER(o.name), o.id""")
    List<OrganisationRow> search(long partnershipId, String kind, String sector, String category, String phase,
                                 boolean includeArchived, String q, String pattern);
}
