package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningSecretTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(SigningSecret.PROPERTY);
        System.clearProperty(SigningSecret.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(SigningSecret.PROPERTY);
        } else {
            System.setProperty(SigningSecret.PROPERTY, before);
        }
    }

    @Test
    void configuredSecretIsUsedAsIsOnEveryInstance() {
        String secret = "a-shared-secret-of-more-than-32-characters";
        SigningSecret.configure(Map.of("INOCHI_JWT_SECRET", secret), Optional.empty());
        assertEquals(secret, System.getProperty(SigningSecret.PROPERTY));
    }

    @Test
    void shortSecretStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SigningSecret.configure(Map.of("INOCHI_JWT_SECRET", "short"), Optional.empty()));
        assertTrue(refused.getMessage().contains("at least 32"), refused.getMessage());
    }

    @Test
    void externalDatabaseWithoutASecretStopsTheStartWithWhatToSet() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SigningSecret.configure(Map.of(), Optional.empty()));
        assertTrue(refused.getMessage().contains("INOCHI_JWT_SECRET must be set"), refused.getMessage());
    }

    @Test
    void embeddedDatabaseKeepsOneGeneratedSecretAcrossRestarts() throws Exception {
        Path home = Files.createTempDirectory("inochi-secret-");
        SigningSecret.configure(Map.of(), Optional.of(home));
        String first = System.getProperty(SigningSecret.PROPERTY);
        System.clearProperty(SigningSecret.PROPERTY);
        SigningSecret.configure(Map.of(), Optional.of(home));
        assertEquals(first, System.getProperty(SigningSecret.PROPERTY));
        assertTrue(first.length() >= SigningSecret.MIN_LENGTH);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("jwt-secret"))));
    }
}
