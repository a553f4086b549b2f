package org.assure.organisations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ContactRepository extends CrudRepository<OrganisationContact, Long> {
    List<OrganisationContact> findByOrganisationIdOrderByRole(long organisationId);

    /** Every contact of a partnership in one query, for an import preview that compares hundreds of schools. */
    @Query("""
            SELECT c.* FROM organisation_contact c JOIN organisation o ON o.id = c.organisation_id
            WHERE o.partnership_id = :partnershipId""")
    List<OrganisationContact> findByPartnership(long partnershipId);

    /** The contacts of these organisations that belong to the partnership (others' ids find nothing), in one query. */
    @Query("""
            SELECT c.* FROM organisation_contact c JOIN organisation o ON o.id = c.organisation_id
            WHERE o.partnership_id = :partnershipId AND c.organisation_id IN (:organisationIds) ORDER BY c.organisation_id, c.role""")
    List<OrganisationContact> findOfOrganisations(long partnershipId, java.util.Collection<Long> organisationIds);
}
