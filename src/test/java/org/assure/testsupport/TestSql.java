package org.assure.testsupport;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.assure.kernel.SqlParams;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Statements a test runs straight on its database, each in its own committed transaction: rows no page can make (a due
 * date in the past, a mark written as another person would), and counts of what a feature wrote.
 */
@Singleton
public class TestSql {
    private final TransactionOperations<Connection> transactions;

    TestSql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Runs an insert, update or delete; the rows it changed. */
    public int update(String sql, Object... args) {
        return transactions.executeWrite(status -> {
            try (var s = status.getConnection().prepareStatement(sql)) {
                SqlParams.bind(s, 1, Arrays.asList(args));
                return s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The first column of the first row of a query, as a number: a COUNT(*). */
    public long count(String sql, Object... args) {
        return first(sql, args, r -> r.getLong(1));
    }

    /** The first column of the first row of a query, as text. */
    public String text(String sql, Object... args) {
        return first(sql, args, r -> r.getString(1));
    }

    private interface Column<T> {
        T of(java.sql.ResultSet row) throws SQLException;
    }

    private <T> T first(String sql, Object[] args, Column<T> column) {
        return transactions.executeRead(status -> {
            try (var s = status.getConnection().prepareStatement(sql)) {
                SqlParams.bind(s, 1, Arrays.asList(args));
                try (var r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("No row: " + sql);
                    }
                    return column.of(r);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
