package org.assure.organisations;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ContactRepository extends CrudRepository<OrganisationContact, Long> {
    List<OrganisationContact> findByOrganisationIdOrderByRole(long organisationId);

    void deleteByOrganisationId(long organisationId);
}
