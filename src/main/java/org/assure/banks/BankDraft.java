package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

/** An uploaded workbook that passed the bank rules, kept as the YAML file it became. Belongs to one partnership. */
@MappedEntity("bank_draft")
public record BankDraft(@Id @GeneratedValue @Nullable Long id, long partnershipId, long accountId, String bankKey, String version,
                        String fileName, String yaml, Instant createdAt) {

    /** Where the file belongs in the repository. */
    public String path() {
        return bankKey + "/" + version + ".yaml";
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Repository extends CrudRepository<BankDraft, Long> {
        Optional<BankDraft> findByIdAndPartnershipId(long id, long partnershipId);
    }
}
