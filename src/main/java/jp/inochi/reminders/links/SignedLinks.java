package jp.inochi.reminders.links;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.inochi.reminders.outbox.Jdbc;

/**
 * Signed, expiring, single-use links for emails. A token is {@code base64url(payload).base64url(HMAC-SHA256)} where
 * the payload holds a random id, the action, the subject id and the expiry; nothing is stored when a link is made.
 * A token whose signature does not match is forged; one past its expiry is expired; one whose id is in
 * {@code link_use} was used. Use is recorded in the transaction of the action, so it happens once.
 */
@Singleton
public class SignedLinks {
    private static final String VERSION = "1";
    private static final String KEY_ID = "v1";
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final LinkSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, LinkAction> actions = new HashMap<>();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    SignedLinks(LinkSettings settings, TransactionOperations<Connection> transactions, List<LinkAction> actions,
                Clock clock) {
        this.settings = settings;
        this.transactions = transactions;
        actions.forEach(action -> {
            if (!action.name().matches("[a-z0-9-]{1,40}")) {
                throw new IllegalStateException("A link action's name must be lower case letters, digits and dashes: "
                        + action.name());
            }
            this.actions.put(action.name(), action);
        });
        this.clock = clock;
        if (settings.secret() != null && !settings.secret().isBlank() && settings.secret().length() < 32) {
            throw new IllegalStateException("INOCHI_LINKS_SECRET (inochi.links.secret) must be 32 characters or more");
        }
    }

    /** The full URL of a new link for the action and subject, valid until {@code expiresAt}. */
    public String url(String action, long subjectId, Instant expiresAt) {
        return settings.baseUrl().replaceAll("/+$", "") + "/family/links/" + token(action, subjectId, expiresAt);
    }

    public String token(String action, long subjectId, Instant expiresAt) {
        if (!actions.containsKey(action)) {
            throw new IllegalArgumentException("No link action named " + action);
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String payload = String.join(".", VERSION, ENCODER.encodeToString(id), action, Long.toString(subjectId),
                Long.toString(expiresAt.getEpochSecond()));
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The token's content if it is genuine and not expired (whether it was used is {@link #usedAt}). */
    public LinkToken verify(@Nullable String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            throw new LinkRefusedException(LinkRefusal.FORGED, null);
        }
        String[] parts = token.split("\\.");
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(parts[0]);
            signature = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            throw new LinkRefusedException(LinkRefusal.FORGED, null);
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw new LinkRefusedException(LinkRefusal.FORGED, null);
        }
        String[] fields = new String(payload, StandardCharsets.US_ASCII).split("\\.");
        if (fields.length != 5 || !VERSION.equals(fields[0]) || !actions.containsKey(fields[2])) {
            throw new LinkRefusedException(LinkRefusal.FORGED, null);
        }
        LinkToken parsed;
        try {
            parsed = new LinkToken(fields[1], fields[2], Long.parseLong(fields[3]),
                    Instant.ofEpochSecond(Long.parseLong(fields[4])));
        } catch (NumberFormatException malformed) {
            throw new LinkRefusedException(LinkRefusal.FORGED, null);
        }
        if (!clock.instant().isBefore(parsed.expiresAt())) {
            throw new LinkRefusedException(LinkRefusal.EXPIRED, parsed.expiresAt());
        }
        return parsed;
    }

    public LinkAction action(LinkToken token) {
        return actions.get(token.action());
    }

    /** When the link was used, if it was. */
    public Optional<Instant> usedAt(LinkToken token) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = Jdbc.prepare(status.getConnection(),
                    "SELECT used_at FROM link_use WHERE token_id = ?", token.id()); ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read link_use", e);
            }
        });
    }

    /**
     * Records the use and applies the action, in one transaction; a link used before (or at the same moment by a
     * second click) is refused as USED and nothing is applied.
     */
    public LinkAction.Page use(LinkToken token, @Nullable String comment) {
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            int recorded = Jdbc.update(status.getConnection(), "INSERT INTO link_use (token_id, action, subject_id, used_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (token_id) DO NOTHING", token.id(), token.action(),
                    token.subjectId(), now);
            if (recorded == 0) {
                throw new LinkRefusedException(LinkRefusal.USED, usedAtInTransaction(status.getConnection(), token));
            }
            return actions.get(token.action()).apply(token, comment, now);
        });
    }

    private static Instant usedAtInTransaction(Connection connection, LinkToken token) {
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT used_at FROM link_use WHERE token_id = ?",
                token.id()); ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getTimestamp(1).toInstant() : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadKey();
                }
                current = key;
            }
        }
        return current;
    }

    /** The configured secret (a key of its own derived from it), or the key every instance shares in the database. */
    private SecretKeySpec loadKey() {
        if (settings.secret() != null && !settings.secret().isBlank()) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return new SecretKeySpec(mac.doFinal("inochi-link-key-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        byte[] generated = new byte[32];
        random.nextBytes(generated);
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Jdbc.update(connection, "INSERT INTO link_signing_key (id, secret, created_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT (id) DO NOTHING", KEY_ID, generated, clock.instant());
            try (PreparedStatement query = Jdbc.prepare(connection, "SELECT secret FROM link_signing_key WHERE id = ?",
                    KEY_ID); ResultSet rows = query.executeQuery()) {
                rows.next();
                return new SecretKeySpec(rows.getBytes(1), "HmacSHA256");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the link signing key", e);
            }
        });
    }
}
