package org.assure.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.CurrentUser;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.kernel.DateInput;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.SigningKey;
import org.assure.kernel.Validated;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * API tokens: created by an admin, shown once, kept only as the SHA-256 of their 32-byte random secret (as the
 * one-time links are), revoked by an admin, and every call made with one logged.
 */
@Singleton
public class ApiTokens {
    /** The longest a token may live: a BI tool's refresh should be re-authorised at least yearly. */
    static final int MAX_DAYS = 366;
    private static final List<String> FIELD_ORDER = List.of("name", "expiryDay", "returns");

    /** A token as the tokens page lists it: never its secret. */
    public record TokenRow(long id, String name, boolean moderatedOnly, String expiresOn, String createdAt, String state,
                           boolean usable, @Nullable String lastUsed, long calls) {
    }

    /** A token just created: the only time its secret exists outside the caller's hands. */
    public record Created(long id, String name, String secret, String expiresOn, boolean moderatedOnly) {
    }

    /** The token a request was authenticated by: what the API scopes every query to. */
    public record Caller(long tokenId, long partnershipId, boolean moderatedOnly) {
    }

    /** What a presented secret turned out to be: a known token (usable or not) or nothing known. */
    public record Lookup(@Nullable Long tokenId, @Nullable Caller caller, String problem) {
    }

    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(JdbcOperations jdbc, AccessPolicy access, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<TokenRow> list(CurrentUser admin) {
        access.requireAdmin(admin);
        LocalDate today = Dates.today(clock);
        return jdbc.prepareStatement("SELECT t.id, t.name, t.moderated_only, t.expires_on, t.created_at, t.revoked_at, "
                + "(SELECT MAX(c.called_at) FROM api_call c WHERE c.token_id = t.id) AS last_used, "
                + "(SELECT COUNT(*) FROM api_call c WHERE c.token_id = t.id) AS calls "
                + "FROM api_token t WHERE t.partnership_id = ? ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id DESC", ps -> {
            ps.setLong(1, admin.partnershipId());
            List<TokenRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate expires = rs.getDate("expires_on").toLocalDate();
                    boolean revoked = rs.getTimestamp("revoked_at") != null;
                    boolean expired = expires.isBefore(today);
                    Timestamp last = rs.getTimestamp("last_used");
                    rows.add(new TokenRow(rs.getLong("id"), rs.getString("name"), rs.getBoolean("moderated_only"), Dates.date(expires),
                            Dates.moment(rs.getTimestamp("created_at").toInstant()), revoked ? "Revoked" : expired ? "Expired" : "Active",
                            !revoked && !expired, last == null ? null : Dates.moment(last.toInstant()), rs.getLong("calls")));
                }
            }
            return rows;
        });
    }

    @Transactional
    public Validated<Created> create(CurrentUser admin, TokenForm form) {
        access.requireAdmin(admin);
        FormErrors errors = FormErrors.none();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            errors.add("name", "Enter a name for the token");
        } else if (name.length() > TokenForm.NAME_MAX) {
            errors.add("name", "Name must be " + TokenForm.NAME_MAX + " characters or fewer");
        }
        LocalDate today = Dates.today(clock);
        LocalDate expires = new DateInput(form.expiryDay(), form.expiryMonth(), form.expiryYear()).read("expiryDay", "Expiry date", true, errors);
        if (expires != null && !expires.isAfter(today)) {
            errors.add("expiryDay", "Expiry date must be in the future");
        } else if (expires != null && expires.isAfter(today.plusDays(MAX_DAYS))) {
            errors.add("expiryDay", "Expiry date must be within a year of today");
        }
        String returns = form.returns();
        if (!TokenForm.ALL.equals(returns) && !TokenForm.MODERATED.equals(returns)) {
            errors.add("returns", "Select which returns the token can read");
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors.inPageOrder(FIELD_ORDER));
        }
        boolean moderatedOnly = TokenForm.MODERATED.equals(returns);
        String secret = SigningKey.randomToken();
        long id = jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO api_token (partnership_id, name, token_hash, "
                    + "moderated_only, expires_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, admin.partnershipId());
            ps.setString(2, name);
            ps.setString(3, SigningKey.hash(secret));
            ps.setBoolean(4, moderatedOnly);
            ps.setObject(5, expires);
            ps.setLong(6, admin.accountId());
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
            }
        });
        audit.record(admin.partnershipId(), admin.accountId(), ApiAudit.CREATED, id, null,
                AuditFields.of("name", name, "expiresOn", expires.toString(), "returns", returns));
        return Validated.valid(new Created(id, name, secret, Dates.date(expires), moderatedOnly));
    }

    /** Revoking twice changes things once: the second finds the token revoked already. */
    @Transactional
    public void revoke(CurrentUser admin, long id) {
        access.requireAdmin(admin);
        String name = jdbc.prepareStatement("SELECT name FROM api_token WHERE id = ? AND partnership_id = ?", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, admin.partnershipId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        if (name == null) {
            throw Refusal.notFound("API token");
        }
        int changed = jdbc.prepareStatement("UPDATE api_token SET revoked_at = ?, revoked_by = ?, version = version + 1 "
                + "WHERE id = ? AND partnership_id = ? AND revoked_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, admin.accountId());
            ps.setLong(3, id);
            ps.setLong(4, admin.partnershipId());
            return ps.executeUpdate();
        });
        if (changed == 1) {
            audit.record(admin.partnershipId(), admin.accountId(), ApiAudit.REVOKED, id, AuditFields.of("name", name), null);
        }
    }

    /** The token a secret names, and whether it may be used now: revoked and expired ones are known but refused. */
    @Transactional
    public Lookup authenticate(@Nullable String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return new Lookup(null, null, "Send an API token: Authorization: Bearer <token>");
        }
        LocalDate today = Dates.today(clock);
        return jdbc.prepareStatement("SELECT id, partnership_id, moderated_only, expires_on, revoked_at FROM api_token WHERE token_hash = ?", ps -> {
            ps.setString(1, SigningKey.hash(secret.strip()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Lookup(null, null, "The API token is not known");
                }
                long id = rs.getLong("id");
                if (rs.getTimestamp("revoked_at") != null) {
                    return new Lookup(id, null, "The API token has been revoked");
                }
                if (rs.getDate("expires_on").toLocalDate().isBefore(today)) {
                    return new Lookup(id, null, "The API token has expired");
                }
                return new Lookup(id, new Caller(id, rs.getLong("partnership_id"), rs.getBoolean("moderated_only")), "");
            }
        });
    }

    @Transactional
    public void logCall(long tokenId, String path, int status) {
        String kept = path.length() > 500 ? path.substring(0, 500) : path;
        jdbc.prepareStatement("INSERT INTO api_call (token_id, path, status, called_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setLong(1, tokenId);
            ps.setString(2, kept);
            ps.setInt(3, status);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        });
    }
}
