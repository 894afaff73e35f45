package jp.inochi.access;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class AccessFactory {

    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }
}
