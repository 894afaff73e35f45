package jp.inochi.platform.problem;

import io.micronaut.context.StaticMessageSource;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/** Bean-validation messages in Japanese; the staff and officers who read them work in Japanese. */
@Singleton
final class JapaneseValidationMessages extends StaticMessageSource {
    private static final String PREFIX = "jakarta.validation.constraints.";

    JapaneseValidationMessages() {
        add("AssertFalse", "「いいえ」である必要があります");
        add("AssertTrue", "「はい」である必要があります");
        add("DecimalMax", "{value}以下の値を入力してください");
        add("DecimalMin", "{value}以上の値を入力してください");
        add("Digits", "整数{integer}桁・小数{fraction}桁以内で入力してください");
        add("Email", "メールアドレスの形式が正しくありません");
        add("Future", "未来の日付を入力してください");
        add("FutureOrPresent", "今日以降の日付を入力してください");
        add("Max", "{value}以下の値を入力してください");
        add("Min", "{value}以上の値を入力してください");
        add("Negative", "負の値を入力してください");
        add("NegativeOrZero", "0以下の値を入力してください");
        add("NotBlank", "入力してください");
        add("NotEmpty", "入力してください");
        add("NotNull", "入力してください");
        add("Null", "入力できない項目です");
        add("Past", "過去の日付を入力してください");
        add("PastOrPresent", "今日以前の日付を入力してください");
        add("Pattern", "形式が正しくありません");
        add("Positive", "正の値を入力してください");
        add("PositiveOrZero", "0以上の値を入力してください");
        add("Size", "{min}〜{max}文字（件）の範囲で入力してください");
    }

    /** Consulted before Micronaut's English defaults. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private void add(String constraint, String message) {
        addMessage(PREFIX + constraint + ".message", message);
    }
}
