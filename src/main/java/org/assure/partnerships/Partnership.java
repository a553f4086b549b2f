package org.assure.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The tenant: a safeguarding children partnership. No data crosses from one to another. */
@MappedEntity("partnership")
public record Partnership(@Id @GeneratedValue @Nullable Long id, String name, Instant createdAt) {
}
