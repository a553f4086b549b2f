package org.assure.notify;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRepository extends CrudRepository<OutboxEmail, Long> {
    List<OutboxEmail> findTop200ByPartnershipIdOrderByIdDesc(Long partnershipId);
}
