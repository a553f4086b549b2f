package org.assure.web;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PendingFormRepository extends CrudRepository<PendingForm, String> {
    @Query("DELETE FROM pending_form WHERE created_at < :before")
    long deleteCreatedBefore(Instant before);

    long countByClientAddress(String clientAddress);

    @Query("SELECT COALESCE(SUM(body_bytes), 0) FROM pending_form")
    long totalBytes();
}
