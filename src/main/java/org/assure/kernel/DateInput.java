package org.assure.kernel;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * What a GOV.UK date input (day, month and year boxes) carried, and the one way it is read: every part
 * given, a real date, and a four-digit year from 1900 to 2100. Each form words the problem with its own
 * label, in the Design System's phrasing ("Deadline must include a month").
 */
public record DateInput(@Nullable String day, @Nullable String month, @Nullable String year) {
    static final int EARLIEST_YEAR = 1900;
    static final int LATEST_YEAR = 2100;

    public enum Problem { NONE, BLANK, NO_DAY, NO_MONTH, NO_YEAR, NOT_REAL, YEAR }

    /** The date, or the problem with it (exactly one of the two). */
    public record Reading(@Nullable LocalDate date, Problem problem) {
        public boolean ok() {
            return problem == Problem.NONE;
        }
    }

    public static DateInput of(@Nullable LocalDate date) {
        return date == null ? new DateInput("", "", "")
                : new DateInput(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
    }

    public boolean blank() {
        return Text.blank(day) && Text.blank(month) && Text.blank(year);
    }

    public Reading read() {
        if (blank()) {
            return new Reading(null, Problem.BLANK);
        }
        if (Text.blank(day)) {
            return new Reading(null, Problem.NO_DAY);
        }
        if (Text.blank(month)) {
            return new Reading(null, Problem.NO_MONTH);
        }
        if (Text.blank(year)) {
            return new Reading(null, Problem.NO_YEAR);
        }
        try {
            String y = year.strip();
            int yearNumber = Integer.parseInt(y);
            if (y.length() != 4 || yearNumber < EARLIEST_YEAR || yearNumber > LATEST_YEAR) {
                return new Reading(null, Problem.YEAR);
            }
            return new Reading(LocalDate.of(yearNumber, Integer.parseInt(month.strip()), Integer.parseInt(day.strip())), Problem.NONE);
        } catch (NumberFormatException | DateTimeException e) {
            return new Reading(null, Problem.NOT_REAL);
        }
    }

    /** The error for a problem, naming the date by its label ("deadline", "question 3"); blank is the caller's to judge. */
    public static String message(Problem problem, String label) {
        String l = Character.toUpperCase(label.charAt(0)) + label.substring(1);
        return switch (problem) {
            case NONE -> "";
            case BLANK -> "Enter the " + label;
            case NO_DAY -> l + " must include a day";
            case NO_MONTH -> l + " must include a month";
            case NO_YEAR -> l + " must include a year";
            case NOT_REAL -> l + " must be a real date";
            case YEAR -> l + " must be a real date, with a four-digit year";
        };
    }

    /**
     * Reads the date and adds its error under {@code field} (the day box's id); blank is an error only when
     * the date is required. Null when blank or wrong.
     */
    public @Nullable LocalDate read(String field, String label, boolean required, FormErrors errors) {
        Reading reading = read();
        if (reading.problem() == Problem.BLANK && !required) {
            return null;
        }
        if (!reading.ok()) {
            errors.add(field, message(reading.problem(), label));
        }
        return reading.date();
    }
}
