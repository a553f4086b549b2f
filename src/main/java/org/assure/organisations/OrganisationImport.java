package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An uploaded school list: stored until confirmed, then kept with what confirming it did. */
@MappedEntity("organisation_import")
public record OrganisationImport(@Id @GeneratedValue @Nullable Long id,
                                 long partnershipId,
                                 long accountId,
                                 String fileName,
                                 byte[] content,
                                 Instant createdAt,
                                 @Nullable Instant appliedAt,
                                 int createdCount,
                                 int updatedCount,
                                 int unchangedCount,
                                 int archivedCount,
                                 int refusedCount,
                                 @Nullable String problem) {

    /** A file that was refused: nothing of it is kept but the reason. */
    public boolean isRefused() {
        return problem != null;
    }

    public boolean isApplied() {
        return appliedAt != null;
    }

    public ImportPlan.Summary summary() {
        return new ImportPlan.Summary(createdCount, updatedCount, unchangedCount, archivedCount, refusedCount);
    }
}
