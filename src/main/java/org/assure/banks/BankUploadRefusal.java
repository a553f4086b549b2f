package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import org.assure.banks.BankWorkbook.SheetProblem;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A workbook that was refused, kept as its problems only (V15) so that the page listing them has an
 * address of its own: the upload posts to a URL carrying its CSRF token, which must not stay in the
 * address bar (doc/adr/0023). One problem a line: sheet, row and message separated by tabs.
 */
@MappedEntity("bank_upload_refusal")
record BankUploadRefusal(@Id @GeneratedValue @Nullable Long id, long partnershipId, long accountId, String fileName,
                         String problems, Instant createdAt) {

    static String encode(List<SheetProblem> problems) {
        return problems.stream().map(p -> clean(p.sheet()) + "\t" + p.row() + "\t" + clean(p.message()))
                .collect(Collectors.joining("\n"));
    }

    List<SheetProblem> decoded() {
        return Arrays.stream(problems.split("\n")).filter(l -> !l.isEmpty()).map(l -> l.split("\t", 3))
                .map(f -> new SheetProblem(f[0], Integer.parseInt(f[1]), f[2])).toList();
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Repository extends CrudRepository<BankUploadRefusal, Long> {
        Optional<BankUploadRefusal> findByIdAndPartnershipId(long id, long partnershipId);
    }
}
