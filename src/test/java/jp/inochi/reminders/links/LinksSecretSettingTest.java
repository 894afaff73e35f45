package jp.inochi.reminders.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The links' signing secret has one name: the variable operators set is the one the start-up error names. */
class LinksSecretSettingTest {
    private static final String SECRET = "a-links-secret-of-thirty-two-characters-or-more";

    @Test
    void theEnvironmentVariableInochiLinksSecretIsTheSettingTheLinksAreSignedWith() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .propertySources(PropertySource.of("env", Map.of("INOCHI_LINKS_SECRET", SECRET),
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .build()) {
            assertEquals(Optional.of(SECRET), context.getEnvironment().start()
                    .getProperty("inochi.links.secret", String.class));
        }
    }

    @Test
    void aSecretTooShortStopsTheStartNamingInochiLinksSecret() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SignedLinks(new LinkSettings("http://localhost:8080", "too-short"), null, List.of(),
                        Clock.systemUTC()));
        assertTrue(refused.getMessage().startsWith("INOCHI_LINKS_SECRET (inochi.links.secret)"), refused.getMessage());
    }
}
