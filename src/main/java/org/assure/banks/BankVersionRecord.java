package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@MappedEntity("question_bank_version")
record BankVersionRecord(@Id @GeneratedValue @Nullable Long id, String bankKey, String version, String contentHash,
                         Instant firstLoadedAt, @Nullable Instant frozenAt) {

    boolean isFrozen() {
        return frozenAt != null;
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Repository extends CrudRepository<BankVersionRecord, Long> {
        java.util.Optional<BankVersionRecord> findByBankKeyAndVersion(String bankKey, String version);
    }
}
