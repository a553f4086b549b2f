package org.assure.kernel;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The application's HMAC key. Production takes it from ASSURE_SIGNING_SECRET (start-up refuses to run
 * without one); local mode keeps a generated key in the data directory so tokens survive a restart.
 */
@Singleton
public class SigningKey {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;

    SigningKey(@Value("${assure.signing-secret:}") String secret, AssureSettings settings) {
        this.key = secret.isBlank() ? localKey(Path.of(settings.dataDir(), "signing-secret"))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String value, String signature) {
        return signature != null && MessageDigest.isEqual(
                sign(value).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** A random URL-safe token of 256 bits, for cookies and emailed links. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the database stores in place of a token: its SHA-256, hex encoded. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized byte[] localKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            Files.createDirectories(file.getParent());
            byte[] generated = randomToken().getBytes(StandardCharsets.US_ASCII);
            Files.write(file, generated);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local signing key " + file, e);
        }
    }
}
