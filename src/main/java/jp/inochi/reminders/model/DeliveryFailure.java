package jp.inochi.reminders.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an email did not go, in the center's words, read from the error text the outbox keeps (the root cause's class
 * and message, e.g. {@code ConnectException: Connection refused} or {@code SMTPAddressFailedException: 550 5.1.1 ...}).
 * The order of the checks matters: the kind of exception first, then the SMTP reply code.
 */
public enum DeliveryFailure {
    SERVER_UNREACHABLE("メールサーバーに接続できません"),
    SERVER_NOT_FOUND("メールサーバーが見つかりません（送信の設定を確認してください）"),
    NO_ANSWER("メールサーバーから応答がありません"),
    SIGN_IN_FAILED("メールサーバーへのログインに失敗しました（送信用アカウントの設定を確認してください）"),
    RECIPIENT_REFUSED("宛先のメールアドレスが受け付けられませんでした（アドレスを確認してください）"),
    BUSY("メールサーバーが一時的に受け付けませんでした"),
    REFUSED("メールサーバーがこのメールを受け付けませんでした"),
    UNKNOWN("送信できませんでした");

    /** An SMTP reply code (4xx or 5xx) as a word of its own: "550 5.1.1 ..." or "451-...". */
    private static final Pattern REPLY_CODE = Pattern.compile("(?<![\\d.])([45])\\d\\d(?=[\\s-]|$)");

    private final String sentence;

    DeliveryFailure(String sentence) {
        this.sentence = sentence;
    }

    /** The failure as one Japanese sentence without the final 「。」. */
    public String sentence() {
        return sentence;
    }

    public static DeliveryFailure of(String error) {
        if (error == null || error.isBlank()) {
            return UNKNOWN;
        }
        String text = error.toLowerCase(Locale.ROOT);
        if (text.contains("authenticationfailed") || text.contains("authentication") || replyCodeIs(text, "535", "534")) {
            return SIGN_IN_FAILED;
        }
        if (text.contains("unknownhost") || text.contains("unknown host")) {
            return SERVER_NOT_FOUND;
        }
        if (text.contains("sockettimeout") || text.contains("timed out")) {
            return NO_ANSWER;
        }
        if (text.contains("connectexception") || text.contains("connection refused") || text.contains("noroutetohost")
                || text.contains("couldn't connect") || text.contains("connection reset")) {
            return SERVER_UNREACHABLE;
        }
        boolean addressFailed = text.startsWith("addressexception") || text.contains("smtpaddressfailed");
        Matcher code = REPLY_CODE.matcher(text);
        if (code.find()) {
            if (code.group(1).equals("4")) {
                return BUSY;
            }
            return addressFailed || aboutTheRecipient(text) ? RECIPIENT_REFUSED : REFUSED;
        }
        if (addressFailed) {
            return RECIPIENT_REFUSED;
        }
        return UNKNOWN;
    }

    /** A permanent refusal naming the mailbox: 5.1.x enhanced codes, "user unknown", "recipient ... rejected". */
    private static boolean aboutTheRecipient(String text) {
        return text.matches("(?s).*\\b5\\.1\\.\\d.*") || text.contains("recipient") || text.contains("user unknown")
                || text.contains("mailbox") || text.contains("no such user") || text.contains("address rejected");
    }

    private static boolean replyCodeIs(String text, String... codes) {
        Matcher code = REPLY_CODE.matcher(text);
        if (!code.find()) {
            return false;
        }
        String found = code.group();
        for (String wanted : codes) {
            if (found.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
