package jp.inochi.testruns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.followups.FollowUp;
import jp.inochi.followups.FollowUps;
import jp.inochi.followups.model.FollowUpReason;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.links.LinkRefusal;
import jp.inochi.reminders.links.LinkRefusedException;
import jp.inochi.testruns.model.ReplyOutcome;
import jp.inochi.testruns.model.TestRunAnswer;

/**
 * A family's click on a reply link: records the month's answer (once; 「問題があった」 may follow 「正常に動いた」), and a
 * problem opens a follow-up (FAMILY_REPORTED_TEST_RUN_PROBLEM, due per schedules/follow-ups.yml) in the same
 * transaction. The family may then add a short description of the problem. Both are audited.
 */
@Singleton
public class TestRunReplies {
    static final int MAX_DESCRIPTION = 500;
    private static final String RESOURCE = "/family/links/test-runs/{token}";

    private final TestRunRepository repository;
    private final FollowUps followUps;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;

    TestRunReplies(TestRunRepository repository, FollowUps followUps, AuditLog auditLog,
                   TransactionOperations<Connection> transactions) {
        this.repository = repository;
        this.followUps = followUps;
        this.auditLog = auditLog;
        this.transactions = transactions;
    }

    /** What the click did: the test run as it stands now, and the follow-up it opened, if any. */
    public record Reply(TestRun testRun, TestRunAnswer clicked, ReplyOutcome outcome, @Nullable FollowUp followUp) {
    }

    /** Records {@code clicked} for the test run at {@code at}, as far as {@link ReplyOutcome} allows. */
    public Reply answer(long testRunId, TestRunAnswer clicked, Instant at) {
        return transactions.executeWrite(status -> {
            TestRun current = locked(testRunId);
            ReplyOutcome outcome = ReplyOutcome.of(current.answer(), clicked);
            if (!outcome.records()) {
                return new Reply(current, clicked, outcome, null);
            }
            TestRun saved = repository.update(current.answered(clicked, at));
            FollowUp followUp = null;
            if (outcome.opensFollowUp(clicked)) {
                followUp = followUps.open(Actor.SYSTEM, new FollowUps.Subject(saved.loanId(), saved.householdId(),
                        saved.deviceId(), null, saved.id()), List.of(FollowUpReason.FAMILY_REPORTED_TEST_RUN_PROBLEM),
                        LocalDate.ofInstant(at, JapanTime.ZONE)).orElseThrow();
            }
            auditLog.system(AuditAction.UPDATE, RESOURCE, "test_run", saved.id(), saved.householdId(),
                    "test run " + saved.monthLabel() + " answered " + clicked.name() + " by email link"
                            + (followUp == null ? "" : ", follow-up " + followUp.id()));
            return new Reply(saved, clicked, outcome, followUp);
        });
    }

    /** The family's words about the problem (replacing earlier ones); the problem is recorded first if it was not. */
    public TestRun describe(long testRunId, String description, Instant at) {
        return transactions.executeWrite(status -> {
            answer(testRunId, TestRunAnswer.PROBLEM, at);
            TestRun saved = repository.update(locked(testRunId).described(description));
            auditLog.system(AuditAction.UPDATE, RESOURCE, "test_run", saved.id(), saved.householdId(),
                    "test run problem described by email link");
            return saved;
        });
    }

    private TestRun locked(long testRunId) {
        return repository.findForUpdate(testRunId).orElseThrow(() -> new LinkRefusedException(LinkRefusal.NOT_FOUND, null));
    }
}
