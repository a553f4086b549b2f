package org.assure.jobs;

import io.micronaut.core.annotation.Nullable;
import org.assure.kernel.Dates;
import org.assure.kernel.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The jobs page's rows, with times in words (UK time). Public only because FreeMarker reads them. */
public final class JobsPage {
    private JobsPage() {
    }

    /** One node's last run. */
    public record LastRun(String node, String finished, String took, List<String> lines, int failures) {
        static LastRun of(DueWorkTables.NodeRun n) {
            return new LastRun(n.node(), Dates.moment(n.finishedAt()), JobsPage.took(n.startedAt(), n.finishedAt()), JobsPage.lines(n.summary()),
                    n.failures());
        }
    }

    /** A run that did something. */
    public record LoggedRun(String started, String node, String took, List<String> lines, int failures) {
        static LoggedRun of(DueWorkTables.Run r) {
            return new LoggedRun(Dates.moment(r.startedAt()), r.node(), JobsPage.took(r.startedAt(), r.finishedAt()), JobsPage.lines(r.summary()),
                    r.failures());
        }
    }

    /** A keyed piece that was done. */
    public record DonePiece(String source, String description, String due, String done, String node, @Nullable String summary) {
        static DonePiece of(DueWorkTables.Done d) {
            return new DonePiece(d.source(), d.description(), Dates.moment(d.dueAt()), Dates.moment(d.doneAt()), d.node(),
                    d.summary());
        }
    }

    /** "every 30 seconds", "every minute", "every day". */
    static String every(Duration d) {
        String words = words(d);
        return "every " + (words.startsWith("1 ") ? words.substring(2) : words);
    }

    /** "30 seconds", "1 minute", "4 weeks". */
    static String words(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % (7 * 86400) == 0 && seconds >= 7 * 86400) {
            return Text.plural(seconds / (7 * 86400), "week");
        }
        if (seconds % 86400 == 0 && seconds >= 86400) {
            return Text.plural(seconds / 86400, "day");
        }
        if (seconds % 3600 == 0 && seconds >= 3600) {
            return Text.plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds >= 60) {
            return Text.plural(seconds / 60, "minute");
        }
        return Text.plural(seconds, "second");
    }

    /** How long a run took: "under a second", "3 seconds", "2 minutes 5 seconds". */
    static String took(Instant started, Instant finished) {
        long seconds = Duration.between(started, finished).toSeconds();
        if (seconds < 1) {
            return "under a second";
        }
        if (seconds < 60) {
            return Text.plural(seconds, "second");
        }
        return Text.plural(seconds / 60, "minute") + (seconds % 60 == 0 ? "" : " " + Text.plural(seconds % 60, "second"));
    }

    private static List<String> lines(String summary) {
        return summary.lines().toList();
    }
}
