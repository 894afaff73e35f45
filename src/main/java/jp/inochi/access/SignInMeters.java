package jp.inochi.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Sign-in's meters, for both entrances (token and web): {@code inochi.signin.failures} by reason and whether the
 * name exists, and {@code inochi.signin.lockouts}, the wrong tries that locked a name (a real account or an unknown
 * name: both lock the same way).
 */
@Singleton
final class SignInMeters {
    private final MeterRegistry registry;

    SignInMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void failed(AuthenticationFailureReason reason, boolean knownUser) {
        Counter.builder("inochi.signin.failures").description("Refused sign-ins, by reason")
                .tags("reason", reason.name().toLowerCase(Locale.ROOT), "account", account(knownUser))
                .register(registry).increment();
    }

    void locked(boolean knownUser) {
        Counter.builder("inochi.signin.lockouts").description("Names locked after repeated wrong passwords")
                .tag("account", account(knownUser)).register(registry).increment();
    }

    private static String account(boolean knownUser) {
        return knownUser ? "known" : "unknown";
    }
}
