package jp.inochi.testruns;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jp.inochi.reminders.links.LinkAction;

/** The reply links' actions, so {@link jp.inochi.reminders.links.SignedLinks} signs and accepts them. */
@Factory
class TestRunLinkActions {

    @Singleton
    @Named(TestRunLinks.OK)
    LinkAction ok() {
        return new TestRunLinks.OnlyOnItsOwnPage(TestRunLinks.OK);
    }

    @Singleton
    @Named(TestRunLinks.PROBLEM)
    LinkAction problem() {
        return new TestRunLinks.OnlyOnItsOwnPage(TestRunLinks.PROBLEM);
    }
}
