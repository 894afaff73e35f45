package jp.inochi.testruns;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import jp.inochi.reminders.links.LinkAction;
import jp.inochi.reminders.links.LinkRefusal;
import jp.inochi.reminders.links.LinkRefusedException;
import jp.inochi.reminders.links.LinkSettings;
import jp.inochi.reminders.links.LinkToken;
import jp.inochi.reminders.links.SignedLinks;
import jp.inochi.testruns.model.TestRunAnswer;

/**
 * The two signed reply links of the monthly email, one per answer; their subject is the month's {@code test_run}.
 * They open {@link TestRunReplyPage} ({@code /family/links/test-runs/{token}}), where one click records the answer;
 * the general two-step family page does not apply them.
 */
@Singleton
class TestRunLinks {
    static final String PATH = "/family/links/test-runs/";
    static final String OK = "test-run-ok";
    static final String PROBLEM = "test-run-problem";

    private final SignedLinks links;
    private final LinkSettings settings;

    TestRunLinks(SignedLinks links, LinkSettings settings) {
        this.links = links;
        this.settings = settings;
    }

    /** The full URL of the reply {@code answer} for the test run, valid until {@code expiresAt}. */
    String url(TestRunAnswer answer, long testRunId, Instant expiresAt) {
        return settings.baseUrl().replaceAll("/+$", "") + PATH + links.token(action(answer), testRunId, expiresAt);
    }

    /** The answer a genuine, unexpired token gives; another feature's token is refused as not found. */
    Optional<TestRunAnswer> answerOf(LinkToken token) {
        return switch (token.action()) {
            case OK -> Optional.of(TestRunAnswer.OK);
            case PROBLEM -> Optional.of(TestRunAnswer.PROBLEM);
            default -> Optional.empty();
        };
    }

    private static String action(TestRunAnswer answer) {
        return answer == TestRunAnswer.OK ? OK : PROBLEM;
    }

    /** Pasted into the general family page, a reply link is not found there: its own page records it. */
    record OnlyOnItsOwnPage(String name) implements LinkAction {
        @Override
        public Page page(LinkToken token) {
            throw new LinkRefusedException(LinkRefusal.NOT_FOUND, null);
        }

        @Override
        public Page apply(LinkToken token, @Nullable String comment, Instant at) {
            throw new LinkRefusedException(LinkRefusal.NOT_FOUND, null);
        }
    }
}
