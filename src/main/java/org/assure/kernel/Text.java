package org.assure.kernel;

import io.micronaut.core.annotation.Nullable;

/** What every form does to typed text: blank is nothing, surrounding spaces are not part of it. */
public final class Text {
    private Text() {
    }

    public static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** The text without surrounding spaces, or null when nothing was typed. */
    public static @Nullable String clean(@Nullable String s) {
        return blank(s) ? null : s.strip();
    }

    /** A record id typed or chosen in a form; null when blank or not a number (the caller says what is wrong). */
    public static @Nullable Long parseId(@Nullable String value) {
        try {
            return blank(value) ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text, or "" when there is none: what a page shows for a missing value. */
    public static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** A count in words: "1 session", "3 sessions". */
    public static String plural(long n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }

    /** An enum constant by its exact name, or null for blank or unknown values. */
    public static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
