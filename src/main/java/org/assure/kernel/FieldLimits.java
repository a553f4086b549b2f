package org.assure.kernel;

import io.micronaut.core.annotation.Nullable;

/**
 * The most a person may type in each kind of field, in one place: pages state the limit under the box
 * (the GOV.UK character count, which works without JavaScript) and saving refuses more, on that field,
 * with what was typed kept. Long enough for real answers, short enough that one form stays well under the
 * 2 MB a url-encoded form may be (web.FormBodies).
 */
public final class FieldLimits {
    /** Evidence, reasons and long-text answers: a few pages of text. */
    public static final int LONG_TEXT = 10_000;
    /** Short-text answers: a line or two. */
    public static final int SHORT_TEXT = 500;
    /** Numbers as typed; anything longer is not a number anyone means. */
    public static final int NUMBER = 40;

    private FieldLimits() {
    }

    /**
     * Characters as the person counts them (and as the character count shows): a line break is one, although
     * browsers send it as CR LF; a character outside the Basic Multilingual Plane (an emoji) is one.
     */
    public static int length(@Nullable String s) {
        if (s == null) {
            return 0;
        }
        String lf = s.replace("\r\n", "\n");
        return lf.codePointCount(0, lf.length());
    }

    public static boolean over(@Nullable String s, int max) {
        // a string of max * 2 chars or more is over however it is counted; saves counting 100,000 characters
        return s != null && s.length() > max && (s.length() > 2 * max || length(s) > max);
    }

    /** The GOV.UK wording: "Evidence for question 3 must be 10,000 characters or fewer". */
    public static String message(String what, int max) {
        return what + " must be " + String.format("%,d", max) + " characters or fewer";
    }
}
