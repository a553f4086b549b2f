package org.assure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A claimed one-time form id; see {@link OnceOnlyForms}. location is null while the first post runs. */
@MappedEntity("form_submission")
record FormSubmission(@Id String claimKey, String path, boolean signedIn, @Nullable String location, Instant claimedAt) {
}
