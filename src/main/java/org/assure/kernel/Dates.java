package org.assure.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The service's time zone and the two ways it writes time: deadlines are English dates, and moments are
 * shown as people in England read them. Every page, email and export formats through here.
 */
public final class Dates {
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK).withZone(ZONE);

    private Dates() {
    }

    /** Today's date in England by the application's clock (tests move it). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The date in England on which this moment fell. */
    public static LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, ZONE);
    }

    /** "3 March 2026". */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "3 March 2026", or "" when there is no date. */
    public static String dateOrBlank(LocalDate date) {
        return date == null ? "" : date(date);
    }

    /** "3 March 2026 at 2:05pm", in London time. */
    public static String moment(Instant at) {
        return MOMENT.format(at).replace("AM", "am").replace("PM", "pm");
    }
}
