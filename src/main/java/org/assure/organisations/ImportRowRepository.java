package org.assure.organisations;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** Rows of an import; callers have already found the import in the person's partnership. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ImportRowRepository extends CrudRepository<ImportRow, Long> {
    List<ImportRow> findByImportIdOrderBySheetRow(long importId);
}
