package org.assure.kernel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The two small pieces every hand-written query with a variable number of values needs: the placeholders of an
 * {@code IN} list, and the values bound in order. Values are bound with {@code setObject}, which both drivers and H2 map
 * from the Java type (Long, String, java.sql.Date, Timestamp).
 */
public final class SqlParams {
    private SqlParams() {
    }

    /** {@code (?, ?, ?)}: one placeholder per value; {@code (NULL)}, which matches nothing, for none. */
    public static String in(int count) {
        return count == 0 ? "(NULL)" : "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /** Binds {@code values} in order from parameter {@code from} (1 is the first); returns the next parameter's index. */
    public static int bind(PreparedStatement statement, int from, List<?> values) throws SQLException {
        int i = from;
        for (Object value : values) {
            statement.setObject(i++, value);
        }
        return i;
    }
}
