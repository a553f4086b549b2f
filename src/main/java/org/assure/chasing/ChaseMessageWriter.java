package org.assure.chasing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.chasing.ChasingRepositories.ChaseMessage;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * Writes a run's chase messages in multi-row inserts, a few hundred a statement (Micronaut Data writes entities
 * with generated ids one statement each on MySQL). A key already written fails the statement, and so the run's
 * transaction, as a single insert would: the other run wrote it.
 */
@Singleton
class ChaseMessageWriter {
    static final int ROWS_PER_STATEMENT = 500;
    private final JdbcOperations jdbc;

    ChaseMessageWriter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void insertAll(List<ChaseMessage> messages) {
        for (int from = 0; from < messages.size(); from += ROWS_PER_STATEMENT) {
            List<ChaseMessage> rows = messages.subList(from, Math.min(messages.size(), from + ROWS_PER_STATEMENT));
            String sql = "INSERT INTO chase_message (partnership_id, cycle_id, return_id, organisation_id, chase_key, kind, step, recipient_role, "
                    + "recipient_name, recipient_email, status, reason, outbox_id, due_on, created_at) VALUES "
                    + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            jdbc.prepareStatement(sql, statement -> {
                int i = 0;
                for (ChaseMessage m : rows) {
                    statement.setLong(++i, m.partnershipId());
                    statement.setLong(++i, m.cycleId());
                    statement.setLong(++i, m.returnId());
                    statement.setLong(++i, m.organisationId());
                    statement.setString(++i, m.chaseKey());
                    statement.setString(++i, m.kind());
                    statement.setInt(++i, m.step());
                    statement.setString(++i, m.recipientRole());
                    statement.setString(++i, m.recipientName());
                    statement.setString(++i, m.recipientEmail());
                    statement.setString(++i, m.status());
                    statement.setString(++i, m.reason());
                    setLong(statement, ++i, m.outboxId());
                    statement.setDate(++i, Date.valueOf(m.dueOn()));
                    statement.setTimestamp(++i, Timestamp.from(m.createdAt())); // bound as Micronaut Data binds an Instant
                }
                return statement.executeUpdate();
            });
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
