package org.assure.testsupport;

import org.assure.banks.BankModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Filling in a return through its pages, for tests that need a complete return (submission, accessibility). */
public final class ReturnFilling {
    private ReturnFilling() {
    }

    /**
     * Completes every section on the lead's task list by real form posts, answering each question the
     * page shows with a value its type accepts (conditional questions appear after a save, so a section
     * may take two rounds).
     */
    public static void completeEverySection(TestBrowser lead, String path, BankModel.Version bank) {
        Matcher links = Pattern.compile("href=\"/returns/\\d+/sections/([a-z0-9-]+)\"").matcher(lead.get(path).body());
        List<String> keys = new ArrayList<>();
        while (links.find()) {
            keys.add(links.group(1));
        }
        assertFalse(keys.isEmpty());
        for (String key : keys) {
            int status = 0;
            for (int round = 0; round < 3 && status != 303; round++) {
                String page = lead.get(path + "/sections/" + key).body();
                List<Map.Entry<String, String>> f = versions(page, "complete", "true", "action", "later");
                Matcher shown = Pattern.compile("name=\"([a-z0-9-]+)-version\"").matcher(page);
                while (shown.find()) {
                    var q = bank.question(shown.group(1)).orElseThrow();
                    String k = q.key();
                    switch (q.type()) {
                        case RATING -> {
                            f.add(Map.entry(k, "GREEN"));
                            f.add(Map.entry(k + "-evidence", "Evidence for " + k));
                        }
                        case YES_NO -> f.add(Map.entry(k, "YES"));
                        case SINGLE_CHOICE, MULTIPLE_CHOICE -> f.add(Map.entry(k, q.options().get(0).code()));
                        case NUMBER -> f.add(Map.entry(k, "3"));
                        case DATE -> {
                            f.add(Map.entry(k + "-day", "1"));
                            f.add(Map.entry(k + "-month", "9"));
                            f.add(Map.entry(k + "-year", "2025"));
                        }
                        default -> f.add(Map.entry(k, "Text for " + k));
                    }
                }
                var posted = lead.postRepeated(path + "/sections/" + key, f);
                status = posted.status();
            }
            assertEquals(303, status, "section " + key + " could not be completed");
        }
    }

    /**
     * Writes an action, through the action plan page, for every answer the check page lists as needing one and having
     * none (Amber and Red answers): a return is not submitted without them (issue 13).
     */
    public static void writeMissingActions(TestBrowser lead, String path) {
        Matcher missing = Pattern.compile("href=\"" + Pattern.quote(path) + "/actions#q-([a-z0-9-]+)\"").matcher(lead.get(path + "/check").body());
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        while (missing.find()) {
            keys.add(missing.group(1));
        }
        java.time.LocalDate due = java.time.LocalDate.now().plusYears(3); // well after any date a test moves its clock to
        for (String key : keys) {
            lead.get(path + "/actions");
            var written = lead.post(path + "/actions", "questionKey", key, "what", "Put right what " + key + " found", "ownerName", "Dee Esel",
                    "ownerRole", "DSL", "ownerEmail", "dsl@example.org", "dueDay", String.valueOf(due.getDayOfMonth()), "dueMonth",
                    String.valueOf(due.getMonthValue()), "dueYear", String.valueOf(due.getYear()));
            assertEquals(303, written.status(), "the action for " + key + " was not written: " + written.body());
        }
    }

    /** The section form's hidden answer versions, then these fields. */
    public static List<Map.Entry<String, String>> versions(String page, String... keyValues) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"([a-z0-9-]+-version)\" value=\"(-?\\d+)\"").matcher(page);
        while (m.find()) {
            f.add(Map.entry(m.group(1), m.group(2)));
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            f.add(Map.entry(keyValues[i], keyValues[i + 1]));
        }
        return f;
    }
}
