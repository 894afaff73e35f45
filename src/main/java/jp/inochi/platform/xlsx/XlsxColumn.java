package jp.inochi.platform.xlsx;

/**
 * A column of an exported sheet and the type its cells are written as. A date or date-time column takes two sheet
 * columns: the 和暦 and, beside it, the Gregorian date; both hold the same real date cell, so either sorts and filters.
 *
 * @param format the number format of a NUMBER column ({@code "0"}, {@code "0.0"}, {@code "0.000000"}); null for General
 */
public record XlsxColumn(String header, Kind kind, String format) {

    public enum Kind {
        /** Text as typed; a cell is never a formula. */
        TEXT,
        /** A number cell (Number values). */
        NUMBER,
        /** A date cell (LocalDate). */
        DATE,
        /** A date-and-time cell in Japan's time (Instant, LocalDateTime). */
        DATE_TIME,
        /** A date people type over (a template's column): one date cell in 和暦, so there is one cell to change. */
        DATE_TO_FILL
    }

    public static XlsxColumn text(String header) {
        return new XlsxColumn(header, Kind.TEXT, null);
    }

    /** A whole number, such as an id or a count. */
    public static XlsxColumn integer(String header) {
        return new XlsxColumn(header, Kind.NUMBER, "0");
    }

    public static XlsxColumn number(String header, String format) {
        return new XlsxColumn(header, Kind.NUMBER, format);
    }

    public static XlsxColumn date(String header) {
        return new XlsxColumn(header, Kind.DATE, null);
    }

    /** A template's date: one cell, shown in 和暦, read back as a date by the table readers. */
    public static XlsxColumn dateToFill(String header) {
        return new XlsxColumn(header, Kind.DATE_TO_FILL, null);
    }

    public static XlsxColumn dateTime(String header) {
        return new XlsxColumn(header, Kind.DATE_TIME, null);
    }

    /** Sheet columns this column takes: two for dates (和暦, then Gregorian), else one. */
    int width() {
        return kind == Kind.DATE || kind == Kind.DATE_TIME ? 2 : 1;
    }
}
