package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.audit.AuditEvent;
import org.assure.audit.AuditFields;
import org.assure.banks.BankModel;
import org.assure.kernel.Dates;
import org.assure.kernel.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A return's audit events in words, for its history page: read from each event's action, subject and fields
 * (question keys become their text, section keys their titles, ratings and statuses their labels), never by
 * reading prose. Events no longer known here (an action of another kind, a key the bank lacks) still show
 * what they hold.
 */
final class ReturnHistory {
    static final String NOBODY = "Nobody";

    private ReturnHistory() {
    }

    static Submissions.HistoryRow row(BankModel.Version bank, AuditEvent e, String who) {
        ReturnAudit action = action(e);
        return new Submissions.HistoryRow(Dates.moment(e.at()), who, what(bank, e, action),
                side(bank, e, action, e.before()), side(bank, e, action, e.after()));
    }

    /** The event's action, or null for one this page does not know (written by a later version, or not a return's). */
    private static @Nullable ReturnAudit action(AuditEvent e) {
        return e.entityType().equals(ReturnAudit.KIND.code()) ? ReturnAudit.of(e.action()).orElse(null) : null;
    }

    private static String what(BankModel.Version bank, AuditEvent e, @Nullable ReturnAudit action) {
        String subject = e.subjectKey();
        if (action == null) {
            String code = e.action().isEmpty() ? "Change" : e.action().substring(0, 1).toUpperCase() + e.action().substring(1);
            return subject == null ? code : code + ": " + subject;
        }
        return switch (action) {
            case ANSWER -> "Answer: " + question(bank, subject);
            case CONFIRMED -> "Carried-forward answer confirmed: " + question(bank, subject);
            case SECTION_STATUS -> "Section “" + section(bank, subject) + "” " + sectionStatusWord(e.after());
            case SECTION_ASSIGNED -> "Section “" + section(bank, subject) + "” assigned";
            case STATUS -> "Return status";
            case SUBMITTED -> "Submitted";
            case RETURNED_FOR_CHANGES -> "Returned for changes";
            case CARRIED_FORWARD -> "Carried forward";
            case CHALLENGE_RELEASED -> "Panel's challenge put to the organisation";
            case CHALLENGE_ANSWERED -> "Panel's challenge answered";
        };
    }

    private static String side(BankModel.Version bank, AuditEvent e, @Nullable ReturnAudit action, @Nullable AuditFields fields) {
        if (fields == null) {
            return action == ReturnAudit.SECTION_ASSIGNED ? NOBODY : "";
        }
        if (fields.text() != null) {
            return fields.text();
        }
        if (action == null) {
            return listed(fields);
        }
        return switch (action) {
            case ANSWER, CONFIRMED -> answer(bank, e.subjectKey(), fields);
            case SECTION_STATUS -> sectionStatus(fields.get(AuditFields.STATUS));
            case STATUS -> returnStatus(fields.get(AuditFields.STATUS));
            case SECTION_ASSIGNED -> fields.has(ReturnAudit.ASSIGNEE_NAME) ? fields.getOrEmpty(ReturnAudit.ASSIGNEE_NAME) : listed(fields);
            case SUBMITTED -> fields.getOrEmpty(ReturnAudit.REFERENCE) + " by " + fields.getOrEmpty(ReturnAudit.DECLARED_NAME) + ", "
                    + fields.getOrEmpty(ReturnAudit.DECLARED_ROLE) + ("true".equals(fields.get(ReturnAudit.LATE)) ? " (late)" : "");
            case RETURNED_FOR_CHANGES -> String.join("\n", fields.values().values());
            case CARRIED_FORWARD -> fields.getOrEmpty(ReturnAudit.ANSWERS) + " answers from " + fields.getOrEmpty(ReturnAudit.REFERENCE)
                    + " (" + fields.getOrEmpty(ReturnAudit.CYCLE) + ")";
            case CHALLENGE_RELEASED -> challenge(fields);
            case CHALLENGE_ANSWERED -> fields.has(ReturnAudit.WORDING) ? "To: " + fields.getOrEmpty(ReturnAudit.WORDING) + "\n"
                    + fields.getOrEmpty(ReturnAudit.ANSWER_TEXT) : fields.getOrEmpty(ReturnAudit.ANSWER_TEXT);
        };
    }

    /** A challenge as put: its kind, what it is about, its words and when the answer is due, each on a line. */
    private static String challenge(AuditFields fields) {
        List<String> lines = new ArrayList<>();
        lines.add(fields.getOrEmpty(ReturnAudit.CHALLENGE_KIND) + (Text.blank(fields.get(ReturnAudit.ABOUT)) ? "" : ": " + fields.get(ReturnAudit.ABOUT)));
        lines.add(fields.getOrEmpty(ReturnAudit.WORDING));
        if (!Text.blank(fields.get(ReturnAudit.DUE_ON))) {
            lines.add("Answer due by " + fields.get(ReturnAudit.DUE_ON));
        }
        return String.join("\n", lines);
    }

    /** The answer in words, then its evidence and reason on lines of their own. */
    private static String answer(BankModel.Version bank, @Nullable String questionKey, AuditFields fields) {
        Optional<BankModel.Question> q = questionKey == null ? Optional.empty() : bank.question(questionKey);
        String rating = fields.get(ReturnAudit.RATING);
        String value = fields.get(ReturnAudit.VALUE);
        List<String> lines = new ArrayList<>();
        if (rating != null) {
            lines.add(ReturnSummary.ratingText(bank.scale(), rating));
        }
        if (value != null) {
            lines.add(q.map(question -> ReturnSummary.valueText(question, value)).orElse(value));
        }
        if (!Text.blank(fields.get(ReturnAudit.EVIDENCE))) {
            lines.add("Evidence: " + fields.get(ReturnAudit.EVIDENCE));
        }
        if (!Text.blank(fields.get(ReturnAudit.REASON))) {
            lines.add("Reason: " + fields.get(ReturnAudit.REASON));
        }
        return String.join("\n", lines);
    }

    private static String question(BankModel.Version bank, @Nullable String key) {
        return key == null ? "" : bank.question(key).map(BankModel.Question::text).orElse(key);
    }

    private static String section(BankModel.Version bank, @Nullable String key) {
        return key == null ? "" : bank.sections().stream().filter(s -> s.key().equals(key)).map(BankModel.Section::title).findFirst().orElse(key);
    }

    private static String sectionStatusWord(@Nullable AuditFields after) {
        String status = after == null ? null : after.get(AuditFields.STATUS);
        SectionStatus s = Text.parseEnum(SectionStatus.class, status);
        return s == null ? "status changed" : s.label().toLowerCase();
    }

    private static String sectionStatus(@Nullable String code) {
        SectionStatus s = Text.parseEnum(SectionStatus.class, code);
        return s == null ? Text.orEmpty(code) : s.label();
    }

    private static String returnStatus(@Nullable String code) {
        ReturnStatus s = Text.parseEnum(ReturnStatus.class, code);
        return s == null ? Text.orEmpty(code) : s.label();
    }

    /** Fields this page has no words for: each on its own line, by name. */
    private static String listed(AuditFields fields) {
        return fields.values().entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).collect(Collectors.joining("\n"));
    }
}
