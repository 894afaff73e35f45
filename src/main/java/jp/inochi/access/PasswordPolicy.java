package jp.inochi.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: long rather than complicated (NIST SP 800-63B 5.1.1.2: at least 8 characters, allow
 * at least 64; we ask 12 for accounts that see 要配慮個人情報), bounded so a huge input can't tie up the hash,
 * and not the username itself.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** The Japanese reason the password is refused, or empty if it is acceptable. */
    public static Optional<String> refusal(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("パスワードは" + MIN_LENGTH + "文字以上にしてください");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("パスワードは" + MAX_LENGTH + "文字以内にしてください");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("パスワードにユーザー名を含めないでください");
        }
        if (password.codePoints().distinct().count() < 4) {
            return Optional.of("同じ文字の繰り返しではなく、推測されにくいパスワードにしてください");
        }
        return Optional.empty();
    }
}
