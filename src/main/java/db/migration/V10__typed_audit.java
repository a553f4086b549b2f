package db.migration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed audit trail (ADR 0018): audit_event gains subject_key and before_fields/after_fields, JSON objects of
 * strings in MEDIUMTEXT columns (not JSON columns: H2 reads those back double-encoded; not TEXT: escaping can
 * outgrow what fitted before). Every existing row is read into them by {@link AuditProse}, then the prose
 * columns before_value/after_value go. In Java because splitting the prose and writing JSON in SQL that runs
 * the same on H2 and MySQL was unwieldy; this class runs on both.
 */
public class V10__typed_audit extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V10__typed_audit.class);
    private static final int PAGE = 500;
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event ADD COLUMN subject_key VARCHAR(100) NULL");
            s.execute("ALTER TABLE audit_event ADD COLUMN before_fields MEDIUMTEXT NULL");
            s.execute("ALTER TABLE audit_event ADD COLUMN after_fields MEDIUMTEXT NULL");
        }
        AuditProse.Facts facts = facts(c);
        int typed = 0;
        int kept = 0;
        long last = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<AuditProse.Typed> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, entity_type, entity_id, action, before_value, after_value "
                    + "FROM audit_event WHERE id > ? ORDER BY id LIMIT " + PAGE)) {
                select.setLong(1, last);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                        rows.add(AuditProse.typed(new AuditProse.Old(r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
                                r.getString(6)), facts));
                    }
                }
            }
            if (ids.isEmpty()) {
                break;
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE audit_event SET action = ?, subject_key = ?, before_fields = ?, after_fields = ? WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    AuditProse.Typed t = rows.get(i);
                    update.setString(1, t.action());
                    update.setString(2, t.subjectKey());
                    update.setString(3, json(t.before()));
                    update.setString(4, json(t.after()));
                    update.setLong(5, ids.get(i));
                    update.addBatch();
                    if (t.kept()) {
                        kept++;
                    } else {
                        typed++;
                    }
                }
                update.executeBatch();
            }
            last = ids.get(ids.size() - 1);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DROP COLUMN before_value");
            s.execute("ALTER TABLE audit_event DROP COLUMN after_value");
        }
        LOG.info("Typed audit trail: {} events read into fields, {} kept (in part) as text", typed, kept);
    }

    /** Which answers are ratings, and every submission's declaration, read once. */
    private static AuditProse.Facts facts(Connection c) throws SQLException {
        Map<String, String> byAnswer = new HashMap<>();
        Map<String, String> byQuestion = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT return_id, question_key, "
                + "CASE WHEN rating IS NOT NULL THEN 'rating' WHEN answer_value IS NOT NULL THEN 'value' ELSE '' END FROM return_answer")) {
            while (r.next()) {
                String field = r.getString(3);
                if (!field.isEmpty()) {
                    byAnswer.put(r.getLong(1) + "/" + r.getString(2), field);
                    byQuestion.merge(r.getString(2), field, (a, b) -> a.equals("rating") ? a : b);
                }
            }
        }
        Map<String, AuditProse.Declaration> declarations = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT reference, declared_name, declared_role, late FROM return_submission")) {
            while (r.next()) {
                declarations.put(r.getString(1), new AuditProse.Declaration(r.getString(2), r.getString(3), r.getBoolean(4)));
            }
        }
        return new AuditProse.Facts() {
            @Override
            public String answerField(long returnId, String questionKey) {
                return byAnswer.getOrDefault(returnId + "/" + questionKey, byQuestion.get(questionKey));
            }

            @Override
            public AuditProse.Declaration declaration(String reference) {
                return declarations.get(reference);
            }
        };
    }

    static String json(Map<String, String> fields) throws IOException {
        if (fields == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> f : fields.entrySet()) {
                g.writeStringField(f.getKey(), f.getValue());
            }
            g.writeEndObject();
        }
        return out.toString();
    }
}
