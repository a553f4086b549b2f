package org.assure.web;

import io.micronaut.core.annotation.Nullable;

/**
 * What a request says, made safe to log: control characters (a CR or LF would start a forged log line) become
 * '?', and it is cut short. Paths only: a query string can carry a CSRF token (file uploads) and is never logged.
 */
public final class Logs {
    private static final int MAX = 200;

    private Logs() {
    }

    public static String clean(@Nullable String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX + 1));
        for (int i = 0; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return s.length() > MAX ? out + "…" : out.toString();
    }
}
