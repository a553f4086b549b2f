package org.assure.organisations;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OrganisationRepository extends CrudRepository<Organisation, Long> {
    Optional<Organisation> findByIdAndPartnershipId(Long id, long partnershipId);

    Optional<Organisation> findByPartnershipIdAndUrn(long partnershipId, String urn);

    Optional<Organisation> findByPartnershipIdAndName(long partnershipId, String name);

    List<Organisation> findByPartnershipIdAndArchivedAtIsNullOrderByName(long partnershipId);

    long countByPartnershipId(long partnershipId);
}
