package jp.inochi.evacuationplans.print;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.evacuationplans.print.PrintablePlan.Field;
import jp.inochi.evacuationplans.print.PrintablePlan.Row;
import jp.inochi.evacuationplans.print.PrintablePlan.Section;
import jp.inochi.evacuationplans.print.PrintablePlan.Table;

/**
 * Draws one section: its heading bar, label/value rows, table and notes. A row never splits across pages; a table
 * carried over repeats its header; a heading never stays alone at the foot of a page.
 */
final class SectionBlock {
    static final float HEADING_HEIGHT = 17;
    private static final float HEADING_SIZE = 10.5f;
    private static final float SIZE = 9;
    private static final float LEADING = 12;
    private static final float TABLE_SIZE = 8.5f;
    private static final float TABLE_LEADING = 11.5f;
    private static final float PAD = 3.5f;
    private static final float LABEL_WIDTH = 118;
    private static final float HANDWRITING_HEIGHT = 22;
    private static final int BLANK_TABLE_ROWS = 3;
    private static final float MAX_NATURAL_COLUMN = 190;

    private final PlanCanvas canvas;
    private final boolean blankForm;

    SectionBlock(PlanCanvas canvas, boolean blankForm) {
        this.canvas = canvas;
        this.blankForm = blankForm;
    }

    /** Draws the section; {@code map} draws the plan's map block when the section asks for it. */
    void draw(Section section, MapBlock map) throws IOException {
        canvas.ensureRoom(HEADING_HEIGHT + firstBlockHeight(section, map));
        heading(section.heading());
        for (Field field : section.fields()) {
            field(field);
        }
        if (section.table() != null) {
            table(section.heading(), section.table());
        }
        for (String note : section.notes()) {
            note(note);
        }
        if (section.showsMap() && map != null) {
            canvas.ensureRoom(MapBlock.HEIGHT);
            map.draw(canvas);
        }
        canvas.moveDown(8);
    }

    private float firstBlockHeight(Section section, MapBlock map) {
        if (!section.fields().isEmpty()) {
            return fieldHeight(section.fields().get(0));
        }
        if (section.table() != null) {
            return 2 * (TABLE_LEADING + 2 * PAD);
        }
        return section.showsMap() && map != null ? MapBlock.HEIGHT : LEADING + PAD;
    }

    private void heading(String text) throws IOException {
        float top = canvas.y();
        canvas.box(PlanCanvas.LEFT, top, PlanCanvas.WIDTH, HEADING_HEIGHT, PlanCanvas.SHADE, null);
        canvas.line(PlanCanvas.LEFT, top, PlanCanvas.LEFT, top - HEADING_HEIGHT, PlanCanvas.INK, 2.5f);
        canvas.text(PlanCanvas.LEFT + 7, top - 12.5f, HEADING_SIZE, PlanCanvas.INK, true, text);
        canvas.moveDown(HEADING_HEIGHT);
    }

    private float valueWidth() {
        return PlanCanvas.WIDTH - LABEL_WIDTH - 2 * PAD - 10;
    }

    private float fieldHeight(Field field) {
        TextFitter fitter = canvas.fitter();
        int labelLines = fitter.wrap(field.label(), SIZE, LABEL_WIDTH - 2 * PAD).size();
        if (field.value().isEmpty() && blankForm) {
            return Math.max(HANDWRITING_HEIGHT, labelLines * LEADING + 2 * PAD);
        }
        int valueLines = fitter.wrap(shownValue(field), SIZE, valueWidth()).size();
        return Math.max(labelLines, valueLines) * LEADING + 2 * PAD;
    }

    private String shownValue(Field field) {
        return field.value().isEmpty() && !blankForm ? "（未記入）" : field.value();
    }

    private void field(Field field) throws IOException {
        float height = fieldHeight(field);
        canvas.ensureRoom(height);
        float top = canvas.y();
        canvas.box(PlanCanvas.LEFT, top, LABEL_WIDTH, height, PlanCanvas.SHADE, PlanCanvas.RULE);
        canvas.box(PlanCanvas.LEFT + LABEL_WIDTH, top, PlanCanvas.WIDTH - LABEL_WIDTH, height, null, PlanCanvas.RULE);
        lines(canvas.fitter().wrap(field.label(), SIZE, LABEL_WIDTH - 2 * PAD), PlanCanvas.LEFT + PAD, top, SIZE,
                LEADING, false);
        boolean unwritten = field.value().isEmpty();
        float valueX = PlanCanvas.LEFT + LABEL_WIDTH + PAD;
        List<String> valueLines = canvas.fitter().wrap(shownValue(field), SIZE, valueWidth());
        canvas.text(valueX, top - PAD - SIZE, SIZE, unwritten ? PlanCanvas.MUTED : PlanCanvas.INK, false, valueLines.get(0));
        for (int i = 1; i < valueLines.size(); i++) {
            canvas.text(valueX, top - PAD - SIZE - i * LEADING, SIZE, PlanCanvas.INK, false, valueLines.get(i));
        }
        if (field.prefilled()) {
            prefilledMark(PlanCanvas.RIGHT - 9, top);
        }
        canvas.moveDown(height);
    }

    private void prefilledMark(float x, float top) throws IOException {
        canvas.text(x, top - PAD - SIZE, 7.5f, PlanCanvas.MUTED, false, "＊");
    }

    private void lines(List<String> lines, float x, float top, float size, float leading, boolean bold)
            throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            canvas.text(x, top - PAD - size - i * leading, size, PlanCanvas.INK, bold, lines.get(i));
        }
    }

    private void table(String heading, Table table) throws IOException {
        float[] widths = columnWidths(table);
        List<Row> rows = new ArrayList<>(table.rows());
        if (blankForm) {
            for (int i = 0; i < BLANK_TABLE_ROWS; i++) {
                rows.add(new Row(List.of(), false).fitted(table.header().size()));
            }
        }
        Row header = new Row(table.header(), false);
        float firstRow = rows.isEmpty() ? 0 : rowHeight(rows.get(0), widths);
        if (canvas.ensureRoom(rowHeight(header, widths) + firstRow)) {
            continuedHeading(heading);
        }
        tableRow(header, widths, true);
        for (Row row : rows) {
            float height = rowHeight(row, widths);
            if (canvas.ensureRoom(height)) {
                continuedHeading(heading);
                tableRow(header, widths, true);
            }
            tableRow(row, widths, false);
        }
    }

    private void continuedHeading(String heading) throws IOException {
        canvas.text(PlanCanvas.LEFT, canvas.y() - 10, 8, PlanCanvas.MUTED, false, heading + "（続き）");
        canvas.moveDown(14);
    }

    private float rowHeight(Row row, float[] widths) {
        int lines = 1;
        for (int c = 0; c < widths.length; c++) {
            lines = Math.max(lines, canvas.fitter().wrap(row.cells().get(c), TABLE_SIZE, widths[c] - 2 * PAD).size());
        }
        boolean emptyRow = row.cells().stream().allMatch(String::isEmpty);
        return emptyRow && blankForm ? HANDWRITING_HEIGHT : lines * TABLE_LEADING + 2 * PAD;
    }

    private void tableRow(Row row, float[] widths, boolean header) throws IOException {
        float height = rowHeight(row, widths);
        float top = canvas.y();
        float x = PlanCanvas.LEFT;
        for (int c = 0; c < widths.length; c++) {
            canvas.box(x, top, widths[c], height, header ? PlanCanvas.SHADE : null, PlanCanvas.RULE);
            lines(canvas.fitter().wrap(row.cells().get(c), TABLE_SIZE, widths[c] - 2 * PAD), x + PAD, top,
                    TABLE_SIZE, TABLE_LEADING, header);
            x += widths[c];
        }
        if (row.prefilled()) {
            canvas.text(PlanCanvas.RIGHT - 9, top - PAD - TABLE_SIZE, 7.5f, PlanCanvas.MUTED, false, "＊");
        }
        canvas.moveDown(height);
    }

    /** Widths in proportion to each column's longest text (capped), never narrower than its header's longest word. */
    private float[] columnWidths(Table table) {
        int columns = table.header().size();
        float[] natural = new float[columns];
        float[] minimum = new float[columns];
        TextFitter fitter = canvas.fitter();
        for (int c = 0; c < columns; c++) {
            String title = table.header().get(c);
            minimum[c] = Math.min(fitter.width(title, TABLE_SIZE), 4 * TABLE_SIZE) + 2 * PAD;
            natural[c] = fitter.width(title, TABLE_SIZE) + 2 * PAD;
            for (Row row : table.rows()) {
                natural[c] = Math.max(natural[c], Math.min(MAX_NATURAL_COLUMN,
                        fitter.width(row.cells().get(c), TABLE_SIZE) + 2 * PAD));
            }
        }
        float total = 0;
        for (float width : natural) {
            total += width;
        }
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.max(minimum[c], natural[c] / total * PlanCanvas.WIDTH);
        }
        float scale = 0;
        for (float width : widths) {
            scale += width;
        }
        for (int c = 0; c < columns; c++) {
            widths[c] = widths[c] / scale * PlanCanvas.WIDTH;
        }
        return widths;
    }

    private void note(String note) throws IOException {
        List<String> lines = canvas.fitter().wrap("※ " + note, 8, PlanCanvas.WIDTH - 2 * PAD);
        canvas.ensureRoom(lines.size() * 10.5f + 4);
        canvas.moveDown(2);
        for (String line : lines) {
            canvas.text(PlanCanvas.LEFT + PAD, canvas.y() - 8, 8, PlanCanvas.MUTED, false, line);
            canvas.moveDown(10.5f);
        }
        canvas.moveDown(2);
    }
}
