package db.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the audit trail's prose as versions 1 to 9 wrote it, for {@link V10__typed_audit}: keyed actions
 * ("answer governance-accountability", "section leadership completed") become an action code and a subject
 * key, and before/after texts become named fields. Text that cannot be read back reliably is kept whole under
 * {@code text}, so nothing is lost. Frozen with V10: it knows the words and labels of those versions, on
 * purpose without using the application's classes, which will change.
 */
final class AuditProse {
    static final String TEXT = "text";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final String EVIDENCE_MARK = " | evidence: ";
    private static final String REASON_MARK = " | reason: ";
    private static final Set<String> RETURN_STATUSES = Set.of("NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "RETURNED");
    private static final Map<String, String> SECTION_STATUS_WORDS = Map.of("not started", "NOT_STARTED", "in progress", "IN_PROGRESS",
            "completed", "COMPLETED");
    private static final Map<String, String> CYCLE_STATUS_LABELS = Map.of("Draft", "DRAFT", "Open", "OPEN", "Closed", "CLOSED",
            "Archived", "ARCHIVED");
    private static final Map<String, String> ROLE_LABELS = Map.of("Partnership admin", "PARTNERSHIP_ADMIN", "Organisation lead",
            "ORGANISATION_LEAD", "Contributor", "CONTRIBUTOR", "Panel member", "PANEL_MEMBER", "Chair or escalation contact",
            "ESCALATION_CONTACT", "Board viewer", "BOARD_VIEWER");
    /** OrganisationDetails.describe's labels in its order, with the names the typed trail stores them under. */
    private static final List<String[]> ORGANISATION_LABELS = List.of(new String[]{"Name", "name"}, new String[]{"Sector", "sector"},
            new String[]{"Phase", "phase"}, new String[]{"Category", "category"}, new String[]{"URN", "urn"}, new String[]{"Trust", "trust"},
            new String[]{"Local authority", "localAuthority"}, new String[]{"Postcode", "postcode"}, new String[]{"Boarding", "boarding"},
            new String[]{"Early years", "earlyYears"}, new String[]{"Parent organisation", "parent"},
            new String[]{"Safeguarding lead", "lead"}, new String[]{"Headteacher", "headteacher"},
            new String[]{"Designated safeguarding lead", "dsl"}, new String[]{"Chair of governors", "chairOfGovernors"},
            new String[]{"Safeguarding governor", "safeguardingGovernor"});
    /** CycleService.describe's labels in its order. */
    private static final List<String[]> CYCLE_LABELS = List.of(new String[]{"Name", "name"}, new String[]{"Bank", "bank"},
            new String[]{"Audience", "audience"}, new String[]{"Opens", "opensOn"}, new String[]{"Deadline", "deadline"},
            new String[]{"Final deadline", "finalDeadline"}, new String[]{"Panel", "panelDate"});
    private static final Pattern CHOSEN = Pattern.compile("organisations \\[([0-9, ]*)]");
    private static final Pattern TYPES = Pattern.compile("kinds \\[([A-Z_,]*)] categories \\[([A-Z_,]*)] sectors \\[([A-Z_,]*)]");
    private static final Pattern CARRIED = Pattern.compile("(\\d+) answers from (AR-\\d+-\\d+) \\((.*)\\)", Pattern.DOTALL);
    private static final Pattern INVITED = Pattern.compile("(\\S+) as (.+)");
    private static final Pattern UPLOADED = Pattern.compile("(.*): (\\S+) version (.+)", Pattern.DOTALL);
    private static final Pattern APPLIED = Pattern.compile("(.*): (\\d+) created, (\\d+) updated, (\\d+) archived, (\\d+) unchanged, (\\d+) refused",
            Pattern.DOTALL);

    private AuditProse() {
    }

    /** An audit_event row as V1 to V9 wrote it. */
    record Old(String entityType, long entityId, String action, String before, String after) {
    }

    /** The row as it reads from V10 on; null fields mean nothing on that side. */
    record Typed(String action, String subjectKey, Map<String, String> before, Map<String, String> after) {
        boolean kept() {
            return isText(before) || isText(after);
        }

        private static boolean isText(Map<String, String> fields) {
            return fields != null && fields.containsKey(TEXT);
        }
    }

    /** A submission's declaration, looked up by its reference. */
    record Declaration(String name, String role, boolean late) {
    }

    /** What reading some texts needs from the database. */
    interface Facts {
        /**
         * "rating" or "value": which the answers of this question have, so that a summary without evidence ("GREEN",
         * "YES") says which it was; null when not known.
         */
        String answerField(long returnId, String questionKey);

        Declaration declaration(String reference);
    }

    static Typed typed(Old row, Facts facts) {
        return switch (row.entityType()) {
            case "return" -> ofReturn(row, facts);
            case "organisation" -> ofOrganisation(row);
            case "organisation_import" -> row.action().equals("applied") ? same(row, text(row.before()), applied(row.after())) : kept(row);
            case "cycle" -> ofCycle(row);
            case "account" -> row.action().equals("invited") ? same(row, text(row.before()), invited(row.after())) : kept(row);
            case "bank_draft" -> row.action().equals("uploaded") ? same(row, text(row.before()), uploaded(row.after())) : kept(row);
            default -> kept(row);
        };
    }

    private static Typed ofReturn(Old row, Facts facts) {
        String action = row.action();
        if (action.startsWith("answer ") || action.startsWith("confirmed ")) {
            String code = action.substring(0, action.indexOf(' '));
            String key = action.substring(code.length() + 1);
            if (KEY.matcher(key).matches()) {
                String first = facts.answerField(row.entityId(), key);
                return new Typed(code, key, answer(row.before(), first), answer(row.after(), first));
            }
        } else if (action.startsWith("section ")) {
            String rest = action.substring("section ".length());
            int space = rest.indexOf(' ');
            String key = space < 0 ? "" : rest.substring(0, space);
            String word = space < 0 ? "" : rest.substring(space + 1);
            if (KEY.matcher(key).matches() && word.equals("assigned")) {
                return new Typed("section assigned", key, field("assigneeName", row.before()), field("assigneeName", row.after()));
            }
            if (KEY.matcher(key).matches() && SECTION_STATUS_WORDS.containsKey(word)) {
                Set<String> names = Set.copyOf(SECTION_STATUS_WORDS.values());
                Map<String, String> after = status(row.after(), names);
                return new Typed("section status", key, status(row.before(), names),
                        after == null || after.containsKey(TEXT) ? Map.of("status", SECTION_STATUS_WORDS.get(word)) : after);
            }
        } else {
            switch (action) {
                case "status" -> {
                    return same(row, status(row.before(), RETURN_STATUSES), status(row.after(), RETURN_STATUSES));
                }
                case "submitted" -> {
                    return same(row, text(row.before()), submitted(row.after(), facts));
                }
                case "returned for changes" -> {
                    return same(row, field("reference", row.before()), field("reason", row.after()));
                }
                case "carried forward" -> {
                    return same(row, text(row.before()), carried(row.after()));
                }
                default -> {
                }
            }
        }
        return kept(row);
    }

    private static Typed ofOrganisation(Old row) {
        return switch (row.action()) {
            case "created", "imported", "updated", "updated by import" ->
                    same(row, labelled(row.before(), ORGANISATION_LABELS), labelled(row.after(), ORGANISATION_LABELS));
            case "archived", "restored", "archived by import" -> same(row, activeOrArchived(row.before()), activeOrArchived(row.after()));
            default -> kept(row);
        };
    }

    private static Typed ofCycle(Old row) {
        return switch (row.action()) {
            case "created", "updated" -> same(row, cycle(row.before()), cycle(row.after()));
            case "open", "closed", "archived" -> same(row, cycleStatus(row.before()), cycleStatus(row.after()));
            case "organisation added" -> same(row, text(row.before()), field("organisationName", row.after()));
            default -> kept(row);
        };
    }

    /**
     * An answer summary, "GREEN | evidence: … | reason: …", read into rating (or value), evidence and reason. Each
     * mark appears at most once and evidence comes first, as ReturnAnswer.summary wrote them; a summary with a mark
     * twice (typed into the evidence) cannot be split reliably and is kept as text.
     *
     * @param first "rating" or "value" for the first part when no evidence or reason says it was a rating; null: value
     */
    static Map<String, String> answer(String summary, String first) {
        if (summary == null) {
            return null;
        }
        int evidence = summary.indexOf(EVIDENCE_MARK);
        int reason = summary.indexOf(REASON_MARK);
        if (evidence >= 0 && summary.indexOf(EVIDENCE_MARK, evidence + 1) >= 0
                || reason >= 0 && summary.indexOf(REASON_MARK, reason + 1) >= 0
                || evidence >= 0 && reason >= 0 && reason < evidence) {
            return Map.of(TEXT, summary);
        }
        int end = evidence >= 0 ? evidence : reason >= 0 ? reason : summary.length();
        Map<String, String> fields = new LinkedHashMap<>();
        String answer = summary.substring(0, end);
        if (!answer.isEmpty()) {
            // evidence and reasons were kept only for ratings
            fields.put(evidence >= 0 || reason >= 0 ? "rating" : "rating".equals(first) ? "rating" : "value", answer);
        }
        if (evidence >= 0) {
            fields.put("evidence", summary.substring(evidence + EVIDENCE_MARK.length(), reason >= 0 ? reason : summary.length()));
        }
        if (reason >= 0) {
            fields.put("reason", summary.substring(reason + REASON_MARK.length()));
        }
        return fields;
    }

    /**
     * "Label: value; Label: value" with these labels, in this order, each at most once (OrganisationDetails.describe,
     * CycleService.describe), read into the labels' names; null when the text is not of that shape or a value holds
     * "; Label: " itself, so that where one value ends is uncertain.
     */
    static Map<String, String> labelled(String text, List<String[]> labels) {
        if (text == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        int label = -1;
        while (at < text.length()) {
            int found = -1;
            for (int i = label + 1; i < labels.size() && found < 0; i++) {
                if (text.startsWith(labels.get(i)[0] + ": ", at)) {
                    found = i;
                }
            }
            if (found < 0) {
                return Map.of(TEXT, text);
            }
            int start = at + labels.get(found)[0].length() + 2;
            int next = text.length();
            for (int i = found + 1; i < labels.size(); i++) {
                int n = text.indexOf("; " + labels.get(i)[0] + ": ", start);
                if (n >= 0 && n < next) {
                    next = n;
                }
            }
            fields.put(labels.get(found)[1], text.substring(start, next));
            label = found;
            at = next == text.length() ? next : next + 2;
        }
        for (String value : fields.values()) {
            for (String[] l : labels) {
                if (value.contains("; " + l[0] + ": ")) {
                    return Map.of(TEXT, text);
                }
            }
        }
        return fields.isEmpty() ? Map.of(TEXT, text) : fields;
    }

    /** A cycle as CycleService.describe wrote it, in the fields CycleAudit.fields writes now. */
    static Map<String, String> cycle(String text) {
        Map<String, String> read = labelled(text, CYCLE_LABELS);
        if (read == null || read.containsKey(TEXT)) {
            return read;
        }
        String bank = read.get("bank");
        String audience = read.get("audience");
        if (read.get("name") == null || bank == null || bank.indexOf('/') <= 0 || audience == null || read.get("opensOn") == null
                || read.get("deadline") == null) {
            return Map.of(TEXT, text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", read.get("name"));
        fields.put("bank", bank.substring(0, bank.indexOf('/')));
        fields.put("bankVersion", bank.substring(bank.indexOf('/') + 1));
        Matcher chosen = CHOSEN.matcher(audience);
        Matcher types = TYPES.matcher(audience);
        if (chosen.matches()) {
            fields.put("audience", "CHOSEN");
            fields.put("organisations", chosen.group(1).replace(" ", ""));
        } else if (types.matches()) {
            fields.put("audience", "TYPES");
            fields.put("kinds", types.group(1));
            fields.put("categories", types.group(2));
            fields.put("sectors", types.group(3));
        } else {
            return Map.of(TEXT, text);
        }
        for (String date : List.of("opensOn", "deadline", "finalDeadline", "panelDate")) {
            if (read.containsKey(date)) {
                fields.put(date, read.get(date));
            }
        }
        return fields;
    }

    private static Map<String, String> submitted(String text, Facts facts) {
        if (text == null) {
            return null;
        }
        int by = text.indexOf(" by ");
        Declaration d = by < 0 ? null : facts.declaration(text.substring(0, by));
        if (d == null || !text.equals(text.substring(0, by) + " by " + d.name() + ", " + d.role() + (d.late() ? " (late)" : ""))) {
            return Map.of(TEXT, text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reference", text.substring(0, by));
        fields.put("declaredName", d.name());
        fields.put("declaredRole", d.role());
        fields.put("late", String.valueOf(d.late()));
        return fields;
    }

    private static Map<String, String> carried(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CARRIED.matcher(text);
        if (!m.matches()) {
            return Map.of(TEXT, text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("answers", m.group(1));
        fields.put("reference", m.group(2));
        fields.put("cycle", m.group(3));
        return fields;
    }

    private static Map<String, String> invited(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = INVITED.matcher(text);
        if (!m.matches() || !ROLE_LABELS.containsKey(m.group(2))) {
            return Map.of(TEXT, text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", m.group(1));
        fields.put("role", ROLE_LABELS.get(m.group(2)));
        return fields;
    }

    private static Map<String, String> uploaded(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = UPLOADED.matcher(text);
        if (!m.matches()) {
            return Map.of(TEXT, text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("file", m.group(1));
        fields.put("bank", m.group(2));
        fields.put("version", m.group(3));
        return fields;
    }

    private static Map<String, String> applied(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = APPLIED.matcher(text);
        if (!m.matches()) {
            return Map.of(TEXT, text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("file", m.group(1));
        List<String> counts = List.of("created", "updated", "archived", "unchanged", "refused");
        for (int i = 0; i < counts.size(); i++) {
            fields.put(counts.get(i), m.group(i + 2));
        }
        return fields;
    }

    private static Map<String, String> status(String name, Set<String> names) {
        if (name == null) {
            return null;
        }
        return names.contains(name) ? Map.of("status", name) : Map.of(TEXT, name);
    }

    private static Map<String, String> cycleStatus(String label) {
        if (label == null) {
            return null;
        }
        return CYCLE_STATUS_LABELS.containsKey(label) ? Map.of("status", CYCLE_STATUS_LABELS.get(label)) : Map.of(TEXT, label);
    }

    private static Map<String, String> activeOrArchived(String label) {
        if (label == null) {
            return null;
        }
        return switch (label) {
            case "Active" -> Map.of("status", "ACTIVE");
            case "Archived" -> Map.of("status", "ARCHIVED");
            default -> Map.of(TEXT, label);
        };
    }

    private static Map<String, String> field(String name, String value) {
        return value == null ? null : Map.of(name, value);
    }

    private static Map<String, String> text(String value) {
        return field(TEXT, value);
    }

    private static Typed same(Old row, Map<String, String> before, Map<String, String> after) {
        return new Typed(row.action(), null, before, after);
    }

    /** An action this version does not know how to read: its code as it was, its texts whole. */
    private static Typed kept(Old row) {
        return same(row, text(row.before()), text(row.after()));
    }
}
