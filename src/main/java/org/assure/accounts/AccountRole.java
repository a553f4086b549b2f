package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("account_role")
record AccountRole(@Id @GeneratedValue @Nullable Long id, long accountId, String role) {
}
