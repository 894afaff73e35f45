package jp.inochi.evacuationplans.print;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.inochi.platform.time.JapaneseDates;

/**
 * What the printed 個別避難計画 shows, already in words: the plan model is turned into this, and {@link PlanPdf} draws
 * it. Nothing here knows the plan model, so the layout can change without touching the plan's rules.
 *
 * @param childName      the child's name, printed large under the title and in every page header
 * @param childKana      its reading (ふりがな); may be empty
 * @param householdLabel a line about the household (e.g. 「人吉市 ○○町 / 世帯番号 H-0012」); may be empty
 * @param versionLines   version and date lines in 和暦 beside 西暦 ({@link #versionLine}, {@link #printedLine})
 * @param sections       the sections in print order
 * @param map            home and destinations for the small map, or null for no map
 * @param blankForm      true when no version is saved: empty values become space to fill in by hand
 */
public record PrintablePlan(String childName, String childKana, String householdLabel, List<String> versionLines,
                            List<Section> sections, MapData map, boolean blankForm) {

    public static final String TITLE = "個別避難計画";
    public static final String HANDLING_NOTICE = "取扱注意（要配慮個人情報）";

    public PrintablePlan {
        childName = text(childName);
        childKana = text(childKana);
        householdLabel = text(householdLabel);
        versionLines = List.copyOf(versionLines == null ? List.of() : versionLines);
        sections = List.copyOf(sections == null ? List.of() : sections);
    }

    public String title() {
        return TITLE;
    }

    /** 「第3版　令和8年5月10日（2026年5月10日）保存　保存者: 人吉市 防災担当」. */
    public static String versionLine(int version, LocalDate savedOn, String savedBy) {
        String by = text(savedBy).isEmpty() ? "" : "　保存者: " + savedBy;
        return "第" + version + "版　" + JapaneseDates.withGregorian(savedOn) + "保存" + by;
    }

    /** 「印刷日　令和8年5月10日（2026年5月10日）」. */
    public static String printedLine(LocalDate printedOn) {
        return "印刷日　" + JapaneseDates.withGregorian(printedOn);
    }

    /**
     * One numbered part of the plan: label/value rows, then a table, then notes (any of them may be empty). A section
     * made by {@link #map} shows the plan's map at its place.
     */
    public record Section(String heading, List<Field> fields, Table table, List<String> notes, boolean showsMap) {
        public Section {
            heading = text(heading);
            fields = List.copyOf(fields == null ? List.of() : fields);
            notes = List.copyOf(notes == null ? List.of() : notes);
        }

        public static Section ofFields(String heading, List<Field> fields) {
            return new Section(heading, fields, null, List.of(), false);
        }

        public static Section ofFields(String heading, Field... fields) {
            return ofFields(heading, List.of(fields));
        }

        public static Section ofTable(String heading, Table table) {
            return new Section(heading, List.of(), table, List.of(), false);
        }

        /** The map of home and destinations, under this heading. */
        public static Section map(String heading) {
            return new Section(heading, List.of(), null, List.of(), true);
        }

        public Section withTable(Table newTable) {
            return new Section(heading, fields, newTable, notes, showsMap);
        }

        public Section withNotes(String... moreNotes) {
            List<String> all = new ArrayList<>(notes);
            Collections.addAll(all, moreNotes);
            return new Section(heading, fields, table, all, showsMap);
        }
    }

    /** A label and its value; {@code prefilled} marks a value taken from Inochi's records (printed with ＊). */
    public record Field(String label, String value, boolean prefilled) {
        public Field {
            label = text(label);
            value = text(value);
        }

        public static Field of(String label, String value) {
            return new Field(label, value, false);
        }

        public static Field prefilled(String label, String value) {
            return new Field(label, value, true);
        }
    }

    /** A table with its header; rows are padded or cut to the header's width. */
    public record Table(List<String> header, List<Row> rows) {
        public Table {
            header = List.copyOf(header);
            int width = header.size();
            rows = (rows == null ? List.<Row>of() : rows).stream().map(row -> row.fitted(width)).toList();
        }

        public static Table of(List<String> header, List<List<String>> rows) {
            return new Table(header, rows.stream().map(cells -> new Row(cells, false)).toList());
        }
    }

    /** One table row; {@code prefilled} marks a row taken from Inochi's records (printed with ＊). */
    public record Row(List<String> cells, boolean prefilled) {
        public Row {
            cells = cells.stream().map(PrintablePlan::text).toList();
        }

        Row fitted(int width) {
            List<String> fitted = new ArrayList<>(cells.subList(0, Math.min(width, cells.size())));
            while (fitted.size() < width) {
                fitted.add("");
            }
            return new Row(fitted, prefilled);
        }
    }

    /**
     * The map's content in WGS84 longitude/latitude (EPSG:4326).
     *
     * @param home         the home, or null when it has no location
     * @param destinations the numbered destinations, in the order of the legend
     * @param outline      rings of the municipality's outline (or empty), drawn faintly behind
     */
    public record MapData(LonLat home, List<Place> destinations, List<List<LonLat>> outline) {
        public MapData {
            destinations = List.copyOf(destinations == null ? List.of() : destinations);
            outline = (outline == null ? List.<List<LonLat>>of() : outline).stream().map(List::copyOf).toList();
        }
    }

    public record Place(String label, LonLat at) {
        public Place {
            label = text(label);
        }
    }

    public record LonLat(double lon, double lat) {
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
