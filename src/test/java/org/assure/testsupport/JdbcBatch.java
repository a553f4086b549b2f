package org.assure.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Batched inserts for benchmark fixtures, flushed every thousand rows: hundreds of thousands of rows in seconds. */
public final class JdbcBatch implements AutoCloseable {
    private final PreparedStatement statement;
    private int pending;

    public JdbcBatch(Connection c, String sql) throws SQLException {
        statement = c.prepareStatement(sql);
    }

    public void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
        if (++pending == 1000) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
        }
        statement.close();
    }
}
