package jp.inochi.web;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The UI's own Japanese messages, in one place: {@code i18n/ui.properties}. */
@Singleton
final class UiMessages extends ResourceBundleMessageSource {
    UiMessages() {
        super("i18n.ui");
    }
}
