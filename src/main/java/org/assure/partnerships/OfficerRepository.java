package org.assure.partnerships;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Every query names the partnership: an officer id from elsewhere finds nothing. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OfficerRepository extends CrudRepository<PartnershipOfficer, Long> {
    List<PartnershipOfficer> findByPartnershipIdOrderById(long partnershipId);

    List<PartnershipOfficer> findByPartnershipIdAndRoleOrderById(long partnershipId, OfficerRole role);

    Optional<PartnershipOfficer> findByIdAndPartnershipId(long id, long partnershipId);
}
