package org.assure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What production must be given before it may start. Checked in {@link Application#main} before
 * Micronaut starts (so the refusal is one clear line, not a connection stack trace) and again by
 * {@link ProductionGuard} inside the context, for anything that starts the context another way.
 */
public final class ProductionSettings {
    /** An environment variable and the property Micronaut maps it to. */
    public record Setting(String variable, String property) {
    }

    public static final Setting DATABASE_URL = new Setting("DATASOURCES_DEFAULT_URL", "datasources.default.url");
    public static final Setting DATABASE_USER = new Setting("DATASOURCES_DEFAULT_USERNAME", "datasources.default.username");
    public static final Setting DATABASE_PASSWORD = new Setting("DATASOURCES_DEFAULT_PASSWORD", "datasources.default.password");
    public static final Setting SIGNING_SECRET = new Setting("ASSURE_SIGNING_SECRET", "assure.signing-secret");
    public static final Setting BASE_URL = new Setting("ASSURE_BASE_URL", "assure.base-url");
    public static final Setting SMTP_HOST = new Setting("ASSURE_SMTP_HOST", "assure.smtp.host");
    /** Set to true to run production on a plain http:// address on purpose (a closed network, a trial): say so explicitly. */
    public static final Setting ALLOW_HTTP = new Setting("ASSURE_ALLOW_HTTP_BASE_URL", "assure.allow-http-base-url");
    static final int MIN_SECRET_LENGTH = 32;

    private ProductionSettings() {
    }

    /** Production however it is spelt ("prod", "PROD", "Prod"): a case slip must never start local mode. */
    public static boolean isProduction(String environments) {
        for (String env : environments == null ? new String[0] : environments.split(",")) {
            if (env.strip().equalsIgnoreCase("prod")) {
                return true;
            }
        }
        return false;
    }

    /** Every problem, each naming the variable to set. {@code value} reads a setting, or null when unset. */
    public static List<String> problems(Function<Setting, String> value) {
        List<String> problems = new ArrayList<>();
        String url = value.apply(DATABASE_URL);
        if (blank(url)) {
            problems.add(DATABASE_URL.variable() + " is not set (production needs a MySQL URL, e.g. jdbc:mysql://db:3306/assure)");
        } else if (url.startsWith("jdbc:h2:")) {
            problems.add(DATABASE_URL.variable() + " points at the embedded H2 database, which is for local mode only; give a MySQL URL");
        } else if (!url.startsWith("jdbc:mysql:")) {
            problems.add(DATABASE_URL.variable() + " must be a MySQL URL starting jdbc:mysql:");
        }
        for (Setting required : List.of(DATABASE_USER, DATABASE_PASSWORD, BASE_URL, SMTP_HOST)) {
            if (blank(value.apply(required))) {
                problems.add(required.variable() + " is not set");
            }
        }
        String base = value.apply(BASE_URL);
        if (!blank(base)) {
            String lower = base.strip().toLowerCase(java.util.Locale.ROOT);
            // Links in emails carry one-time sign-in tokens: over plain HTTP anyone on the path could read them.
            String allowHttp = value.apply(ALLOW_HTTP);
            if (lower.startsWith("http://") && !(allowHttp != null && allowHttp.strip().equalsIgnoreCase("true"))) {
                problems.add(BASE_URL.variable() + " must be an https:// address (set " + ALLOW_HTTP.variable()
                        + "=true to use http:// on purpose)");
            } else if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                problems.add(BASE_URL.variable() + " must be the https:// address people use, e.g. https://assure.example.org");
            }
        }
        String secret = value.apply(SIGNING_SECRET);
        if (blank(secret) || secret.length() < MIN_SECRET_LENGTH) {
            problems.add(SIGNING_SECRET.variable() + " must be set to a random value of at least " + MIN_SECRET_LENGTH + " characters");
        }
        return problems;
    }

    public static String refusal(List<String> problems) {
        return "Assure refuses to start in production: " + String.join("; ", problems) + ". See README.md, Configuration.";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
