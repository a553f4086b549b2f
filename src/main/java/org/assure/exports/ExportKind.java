package org.assure.exports;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a cycle's export holds (issue 14, ADR 0047). The name is stored in {@code export_job.kind} and is part of the
 * job's active key (one job at a time per cycle and kind): never rename one.
 */
public enum ExportKind {
    ANSWERS("answers", "Export the answers", "Every answer of every return: one row per organisation and question, with the bank, "
            + "version, section and question keys, the self-rating, the panel's agreed rating where a panel moderated the return, and the evidence."),
    PROGRESS("progress", "Export the progress list", "One row per return: the organisation, its type and phase, the return's status, "
            + "how much is answered, when it was last worked on and submitted, and whether it was late."),
    ACTIONS("actions", "Export the actions", "One row per action raised in this cycle: the organisation, the section, what is to be done, "
            + "its owner, when it is due, its status, whether it is overdue, and where it came from."),
    PANEL_MARKS("panel-marks", "Export the panel marks and outcomes", "One row per case, marker and item marked: the panel, the organisation, "
            + "the marker, the section or question, the self-rating, the marker's rating, whether they agreed or adjusted it, their comment, "
            + "and the agreed rating and outcome once the moderator confirmed them. Marks not yet submitted are left out.");

    private final String fileWord;
    private final String button;
    private final String holds;

    ExportKind(String fileWord, String button, String holds) {
        this.fileWord = fileWord;
        this.button = button;
        this.holds = holds;
    }

    /** The kind a form names, if it names one. */
    public static Optional<ExportKind> parse(@Nullable String value) {
        return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst();
    }

    public String value() {
        return name();
    }

    /** The word in the downloaded file's name: {@code cycle-3-answers-12.xlsx}. */
    public String fileWord() {
        return fileWord;
    }

    public String button() {
        return button;
    }

    /** A line saying what the file holds, on the exports page. */
    public String holds() {
        return holds;
    }

    /** The job page's heading: "Export of the panel marks and outcomes". */
    public String title() {
        return "Export of the " + button.substring("Export the ".length());
    }
}
