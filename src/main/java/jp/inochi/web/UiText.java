package jp.inochi.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The UI's Japanese messages, from {@code i18n/ui.properties}: errors of forms and pages, sign-in notices, the
 * summary's field names and the done messages, all in that one file. {@code {0}} places an argument.
 */
public final class UiText {
    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("i18n.ui", Locale.ROOT);

    private UiText() {
    }

    public static String of(String key, Object... arguments) {
        String text = TEXTS.getString(key);
        return arguments.length == 0 ? text : new MessageFormat(text, Locale.JAPANESE).format(arguments);
    }

    public static boolean has(String key) {
        return TEXTS.containsKey(key);
    }
}
