package org.assure.kernel;

/** What a database failure means for the person, found by walking its causes to the driver's SQLException. */
public final class DatabaseErrors {
    private DatabaseErrors() {
    }

    /**
     * A unique or other integrity constraint refused the write (SQLState class 23): two people did the same
     * first thing at the same moment, and the second should be told so, not shown a 500.
     */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
