package jp.inochi.reminders.links;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Links in emails ({@code inochi.links.*}): the address families reach this service at ({@code INOCHI_PUBLIC_URL}),
 * and optionally the signing secret ({@code INOCHI_LINKS_SECRET}, 32 characters or more, the same on every instance).
 * Without a secret, the instances share one generated key kept in the database.
 */
@ConfigurationProperties("inochi.links")
public record LinkSettings(
        @Bindable(defaultValue = "http://localhost:8080") String baseUrl,
        @Nullable String secret) {
}
