package jp.inochi.declarations;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Records declarations that reached their end time (visibility already stopped then, by the Clock). Not started in
 * tests, which call {@link Declarations#recordRunOut()} themselves at the instants they choose.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
class DeclarationRunOutJob {
    private final Declarations declarations;

    DeclarationRunOutJob(Declarations declarations) {
        this.declarations = declarations;
    }

    @Scheduled(fixedDelay = "${inochi.declarations.expiry-sweep:1m}", initialDelay = "30s")
    void run() {
        declarations.recordRunOut();
    }
}
