package jp.inochi.platform.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff typed into 「検索」, read once for every list: the folded text (names and kana), the digits of a phone
 * number (hyphens and brackets ignored) and a bare number (世帯・貸与・申請番号). An empty box searches nothing.
 * Each field is null when it does not apply, so SQL can test {@code CAST(:x AS ...) IS NULL}.
 */
public record SearchQuery(String typed, String text, String phoneDigits, Long number) {
    public static final int MAX_LENGTH = 50;
    /** Fewer digits than this are a number, not part of a phone number: 「12」 means 第12号, not every phone with 12. */
    static final int MIN_PHONE_DIGITS = 4;
    /** 「12」, 「#12」, 「No.12」, 「第12号」: a record's number (at most 12 digits, well inside a bigint). */
    private static final Pattern NUMBER = Pattern.compile("(?:#|no\\.?|第)?([0-9]{1,12})号?");
    /** Digits with the separators people write in phone numbers (the long-vowel mark stands in for a dash). */
    private static final Pattern PHONE = Pattern.compile("[0-9()+\\-‐−ー]*[0-9][0-9()+\\-‐−ー]*");

    public static SearchQuery of(String typed) {
        String trimmed = typed == null ? "" : typed.strip();
        if (trimmed.length() > MAX_LENGTH) {
            trimmed = trimmed.substring(0, MAX_LENGTH);
        }
        String text = KanaFold.fold(trimmed);
        if (text.isEmpty()) {
            return new SearchQuery("", null, null, null);
        }
        Matcher numbered = NUMBER.matcher(text);
        Long number = numbered.matches() ? Long.valueOf(numbered.group(1)) : null;
        String digits = PHONE.matcher(text).matches() ? text.replaceAll("[^0-9]", "") : "";
        return new SearchQuery(trimmed, text, digits.length() >= MIN_PHONE_DIGITS ? digits : null, number);
    }

    public boolean isEmpty() {
        return text == null;
    }

    /** The rows a list's own search query found ({@code matchingIds} is asked only when something was typed). */
    public <T> List<T> keep(List<T> rows, ToLongFunction<T> id, Function<SearchQuery, Collection<Long>> matchingIds) {
        if (isEmpty()) {
            return rows;
        }
        Set<Long> found = new HashSet<>(matchingIds.apply(this));
        return rows.stream().filter(row -> found.contains(id.applyAsLong(row))).toList();
    }
}
