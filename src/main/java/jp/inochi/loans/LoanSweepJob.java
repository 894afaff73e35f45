package jp.inochi.loans;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Every night at 00:10 in Japan: opens the returns that are due ({@link Loans#openDueReturns()}). */
@Singleton
@Requires(notEnv = Environment.TEST)
@Requires(property = "inochi.loans.sweep.enabled", notEquals = "false")
class LoanSweepJob {
    private final Loans loans;

    LoanSweepJob(Loans loans) {
        this.loans = loans;
    }

    @Scheduled(cron = "${inochi.loans.sweep.cron:0 10 0 * * *}", zoneId = "Asia/Tokyo")
    void run() {
        loans.openDueReturns();
    }
}
