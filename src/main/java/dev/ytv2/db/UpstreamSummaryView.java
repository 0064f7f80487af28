package dev.ytv2.db;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * YTV2's own migrations leave `v_latest_summaries` without a `summary_type` column, while our
 * migrations 2 to 12 were written against a view that has it. Those migration files must stay as
 * they are (databases that already ran them check their checksums), and the installation's view
 * must not be replaced. So, only while those migrations run on such a database, a temporary view
 * of the same name (which the session finds before the permanent one) supplies the column; from
 * migration 13 on, everything reads our own `ytv2_latest_summaries` view instead. The temporary
 * view lives in the migrating session only and is dropped when migrating ends.
 */
final class UpstreamSummaryView implements Callback {
    /** The first migration that no longer reads `v_latest_summaries`. */
    private static final int FIRST_INDEPENDENT_VERSION = 13;

    private static final String LACKS_SUMMARY_TYPE = """
            SELECT EXISTS (SELECT 1 FROM pg_views WHERE schemaname = current_schema() AND viewname = 'v_latest_summaries')
               AND NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
                               AND table_name = 'v_latest_summaries' AND column_name = 'summary_type')
               AND NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'v_latest_summaries'
                               AND relnamespace = pg_my_temp_schema())""";

    private static final String TEMPORARY_VIEW = """
            CREATE TEMPORARY VIEW v_latest_summaries AS
            SELECT DISTINCT ON (s.video_id, s.variant) s.video_id, s.variant, s.summary_type, s.text, s.html,
                   s.revision, s.is_latest, s.created_at
            FROM content_summaries s
            ORDER BY s.video_id, s.variant, s.is_latest DESC NULLS LAST, s.created_at DESC NULLS LAST, s.revision DESC""";

    @Override
    public boolean supports(Event event, Context context) {
        return switch (event) {
            // Migration 1 creates the summaries table where it is missing, so the view can only follow it.
            case BEFORE_EACH_MIGRATE -> context.getMigrationInfo() != null
                    && context.getMigrationInfo().getVersion() != null
                    && context.getMigrationInfo().getVersion().isNewerThan("1")
                    && !context.getMigrationInfo().getVersion().isAtLeast(String.valueOf(FIRST_INDEPENDENT_VERSION));
            case AFTER_MIGRATE, AFTER_MIGRATE_ERROR -> true;
            default -> false;
        };
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                try (var rs = st.executeQuery(LACKS_SUMMARY_TYPE)) {
                    if (rs.next() && rs.getBoolean(1)) st.execute(TEMPORARY_VIEW);
                }
            } else {
                st.execute("DROP VIEW IF EXISTS pg_temp.v_latest_summaries");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("preparing the migrations for this database's summary view failed", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "upstream-summary-view";
    }
}
