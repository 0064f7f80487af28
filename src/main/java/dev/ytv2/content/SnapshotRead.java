package dev.ytv2.content;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BiFunction;

/**
 * A read-only transaction in one snapshot, for the reads whose answers are kept per snapshot.
 * JDBI's own way to ask for REPEATABLE READ reads the session's level twice, sets it, and sets it
 * back after the commit: four round trips of a page's ten. Here the level, the snapshot's name and
 * the library version travel in one: the level is set for this transaction only, so nothing needs
 * restoring.
 */
final class SnapshotRead {
    /** `text`: the snapshot the transaction reads in (see {@link ReportStore#snapshot()}); `libraryVersion`: library_version then. */
    record Snapshot(String text, long libraryVersion) {
    }

    private static final String BEGIN = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; ";
    private static final String NAME = "SELECT txid_current_snapshot()::text, coalesce((SELECT version FROM library_version), -1)";

    private SnapshotRead() {
    }

    static <T> T read(Jdbi jdbi, BiFunction<Handle, Snapshot, T> body) {
        return read(jdbi, false, body);
    }

    /** `search`: the transaction's statements search, and are told to prefer the search index (see ReportWhere). */
    static <T> T read(Jdbi jdbi, boolean search, BiFunction<Handle, Snapshot, T> body) {
        String begin = BEGIN + (search ? ReportWhere.PREFER_INDEXES_FOR_SEARCH + "; " : "") + NAME;
        return jdbi.withHandle(h -> {
            h.begin();
            try {
                T result = body.apply(h, begin(h, begin));
                h.commit();
                return result;
            } catch (RuntimeException e) {
                // With the database gone the rollback fails too; the first failure says what happened
                // (and makes it a 503 rather than a 500).
                try {
                    h.rollback();
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        });
    }

    private static Snapshot begin(Handle h, String begin) {
        try (Statement st = h.getConnection().createStatement()) {
            // One message for every statement: the SETs' counts come first, then the row.
            boolean rows = st.execute(begin);
            while (!rows) {
                if (st.getUpdateCount() == -1) throw new SQLException("no snapshot row from: " + begin);
                rows = st.getMoreResults();
            }
            try (ResultSet rs = st.getResultSet()) {
                rs.next();
                return new Snapshot(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
