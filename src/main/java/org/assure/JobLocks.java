package org.assure;

import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbc.micronaut.MicronautJdbcLockProvider;

import java.sql.Connection;

/**
 * ShedLock's lock store for every {@code @SchedulerLock} job: the {@code shedlock} table of the default
 * datasource (V1 migration), so with several nodes behind a load balancer only one runs each job.
 */
@Factory
class JobLocks {
    static final String TABLE = "shedlock";

    @Singleton
    LockProvider lockProvider(@Named("default") TransactionOperations<Connection> transactions) {
        return new MicronautJdbcLockProvider(transactions, TABLE);
    }
}
