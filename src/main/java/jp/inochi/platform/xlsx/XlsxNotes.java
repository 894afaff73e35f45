package jp.inochi.platform.xlsx;

import java.time.Instant;
import java.util.List;

/**
 * What the second sheet, 「出典・注意」, says about the list: always 「取扱注意（要配慮個人情報）」, when it was made and
 * for whom, then the list's own notes and the credits of the data it draws on.
 *
 * @param viewer who exported it, as people read it (e.g. 「kumamoto-staff（センター職員）」)
 */
public record XlsxNotes(String title, Instant generatedAt, String viewer, List<String> notes, List<String> credits) {
    public static final String HANDLE_WITH_CARE = "取扱注意（要配慮個人情報）";

    public XlsxNotes {
        notes = List.copyOf(notes);
        credits = List.copyOf(credits);
    }

    public static XlsxNotes of(String title, Instant generatedAt, String viewer) {
        return new XlsxNotes(title, generatedAt, viewer, List.of(), List.of());
    }

    public XlsxNotes withNotes(List<String> more) {
        return new XlsxNotes(title, generatedAt, viewer, more, credits);
    }

    public XlsxNotes withCredits(List<String> more) {
        return new XlsxNotes(title, generatedAt, viewer, notes, more);
    }
}
