package org.assure.partnerships;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PartnershipRepository extends CrudRepository<Partnership, Long> {
    Optional<Partnership> findByName(String name);

    List<Partnership> findTop2OrderById();
}
