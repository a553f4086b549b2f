package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Progress of one section of a return; assignedAccountId is for delegation, the next slice. */
@MappedEntity("return_section")
public record ReturnSection(@Id @GeneratedValue @Nullable Long id,
                            long returnId,
                            String sectionKey,
                            SectionStatus status,
                            @Nullable Long assignedAccountId,
                            int version,
                            Instant updatedAt) {
}
