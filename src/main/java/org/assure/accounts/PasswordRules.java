package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (NCSC guidance, OWASP ASVS level 2, doc/adr/0021): long enough, not one of the
 * passwords people choose most (a list shipped in the app: no lookup leaves the server), and not built from the
 * person's own email address. No rules about character classes: they make passwords harder to remember, not
 * harder to guess.
 */
final class PasswordRules {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;
    static final String LENGTH_MESSAGE = "Password must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters";
    static final String COMMON_MESSAGE = "This is one of the passwords people use most, so it is easy to guess. Choose a different password";
    static final String EMAIL_MESSAGE = "Password must not contain your email address or the part of it before the @";
    /** A local part shorter than this (jo@…) is too short to be told apart from ordinary words in a password. */
    private static final int SHORTEST_LOCAL_PART = 3;
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** The first thing wrong with the password for the person with this email, if any. */
    static Optional<String> problem(@Nullable String password, @Nullable String email) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of(LENGTH_MESSAGE);
        }
        String plain = normalise(password);
        if (COMMON.contains(plain) || COMMON.contains(unLeet(plain))) {
            return Optional.of(COMMON_MESSAGE);
        }
        String address = Account.normaliseEmail(email);
        int at = address.indexOf('@');
        String local = at > 0 ? address.substring(0, at) : address;
        if (!address.isEmpty() && (plain.contains(normalise(address))
                || (local.length() >= SHORTEST_LOCAL_PART && plain.contains(normalise(local))))) {
            return Optional.of(EMAIL_MESSAGE);
        }
        return Optional.empty();
    }

    static boolean isCommon(String password) {
        String plain = normalise(password);
        return COMMON.contains(plain) || COMMON.contains(unLeet(plain));
    }

    /** Case and spaces do not make a common password uncommon: "Pass word 1234" is "password1234". */
    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** Nor do the usual swaps: "p@$$w0rd" is "password". */
    private static String unLeet(String s) {
        return s.replace('@', 'a').replace('0', 'o').replace('$', 's').replace('3', 'e');
    }

    private static Set<String> load() {
        Set<String> found = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/accounts/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("accounts/common-passwords.txt is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String plain = normalise(line);
                    found.add(plain);
                    found.add(unLeet(plain));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(found);
    }
}
