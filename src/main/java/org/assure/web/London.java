package org.assure.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The service's time zone: deadlines are English dates, and times are shown as people in England read them. */
public final class London {
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private London() {
    }

    /** Today's date in England by the application's clock (tests move it). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
