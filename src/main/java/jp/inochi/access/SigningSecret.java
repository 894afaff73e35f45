package jp.inochi.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The key that signs sign-in tokens and CSRF tokens. Every instance must use the same one, or users
 * get random 401s behind a load balancer, and it must outlive restarts, or everyone is signed out.
 * It comes from {@code INOCHI_JWT_SECRET}; the embedded development database keeps a generated one
 * beside its data instead. With an external database and no secret, the start stops and says so.
 */
public final class SigningSecret {
    public static final String PROPERTY = "inochi.jwt.secret";
    public static final String ENVIRONMENT = "INOCHI_JWT_SECRET";
    public static final int MIN_LENGTH = 32;

    private SigningSecret() {
    }

    /** Makes {@code inochi.jwt.secret} available to the configuration before Micronaut starts. */
    public static void configure(Map<String, String> env, Optional<Path> embeddedDatabaseHome) {
        String configured = Optional.ofNullable(env.get(ENVIRONMENT)).orElse(System.getProperty(PROPERTY));
        if (configured != null && !configured.isBlank()) {
            requireStrong(configured);
            System.setProperty(PROPERTY, configured);
            return;
        }
        Path home = embeddedDatabaseHome.orElseThrow(() -> new IllegalStateException(ENVIRONMENT
                + " must be set (" + MIN_LENGTH + "+ random characters, the same on every instance) when the service uses an"
                + " external database. (外部データベースを使うときは " + ENVIRONMENT + " を設定してください)"));
        System.setProperty(PROPERTY, readOrCreate(home.resolve("jwt-secret")));
    }

    static void requireStrong(String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException(ENVIRONMENT + " is too short: HS256 needs at least " + MIN_LENGTH
                    + " characters. (" + ENVIRONMENT + " は" + MIN_LENGTH + "文字以上にしてください)");
        }
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the signing secret " + file + ": " + e.getMessage(), e);
        }
    }
}
