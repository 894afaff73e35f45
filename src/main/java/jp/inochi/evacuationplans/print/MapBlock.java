package jp.inochi.evacuationplans.print;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import jp.inochi.evacuationplans.print.PrintablePlan.LonLat;
import jp.inochi.evacuationplans.print.PrintablePlan.MapData;
import jp.inochi.evacuationplans.print.PrintablePlan.Place;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The small map, drawn as vectors from coordinates (no tiles): the municipality's outline faintly, home as a square,
 * numbered destinations with straight lines from home, a scale bar and north; beside it the legend with distances.
 */
final class MapBlock {
    static final float HEIGHT = 190;
    private static final float MAP_WIDTH = 300;
    private static final float MAP_HEIGHT = HEIGHT - 10;
    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final Color HOME = new Color(0xc6, 0x28, 0x28);
    private static final Color DESTINATION = new Color(0x15, 0x65, 0xc0);
    private static final Color OUTLINE = new Color(0xb0, 0xb6, 0xbc);

    private final MapData data;
    private final MapProjection projection;

    private MapBlock(MapData data, MapProjection projection) {
        this.data = data;
        this.projection = projection;
    }

    /** The block for the plan's map, or null when there is nothing to place on it. */
    static MapBlock of(MapData data) {
        if (data == null || (data.home() == null && data.destinations().isEmpty())) {
            return null;
        }
        List<LonLat> points = new java.util.ArrayList<>();
        if (data.home() != null) {
            points.add(data.home());
        }
        data.destinations().forEach(place -> points.add(place.at()));
        return new MapBlock(data, MapProjection.fitting(points, MAP_WIDTH - 24, MAP_HEIGHT - 24));
    }

    void draw(PlanCanvas canvas) throws IOException {
        float top = canvas.y() - 4;
        float left = PlanCanvas.LEFT;
        float originX = left + 12;
        float originY = top - MAP_HEIGHT + 12;
        PDPageContentStream content = canvas.content();
        content.saveGraphicsState();
        content.addRect(left, top - MAP_HEIGHT, MAP_WIDTH, MAP_HEIGHT);
        content.clip();
        canvas.box(left, top, MAP_WIDTH, MAP_HEIGHT, new Color(0xfa, 0xfb, 0xfc), null);
        content.setStrokingColor(OUTLINE);
        content.setLineWidth(0.8f);
        for (List<LonLat> ring : data.outline()) {
            for (int i = 0; i < ring.size(); i++) {
                float x = originX + projection.x(ring.get(i));
                float y = originY + projection.y(ring.get(i));
                if (i == 0) {
                    content.moveTo(x, y);
                } else {
                    content.lineTo(x, y);
                }
            }
            content.stroke();
        }
        LonLat home = data.home();
        for (int i = 0; i < data.destinations().size(); i++) {
            LonLat at = data.destinations().get(i).at();
            float x = originX + projection.x(at);
            float y = originY + projection.y(at);
            if (home != null) {
                content.setLineDashPattern(new float[] {3, 2}, 0);
                canvas.line(originX + projection.x(home), originY + projection.y(home), x, y, DESTINATION, 0.8f);
                content.setLineDashPattern(new float[] {}, 0);
            }
            content.setNonStrokingColor(DESTINATION);
            content.addRect(x - 6, y - 6, 12, 12);
            content.fill();
            String number = String.valueOf(i + 1);
            canvas.text(x - canvas.fitter().width(number, 8) / 2, y - 2.8f, 8, Color.WHITE, true, number);
        }
        if (home != null) {
            float x = originX + projection.x(home);
            float y = originY + projection.y(home);
            content.setNonStrokingColor(HOME);
            content.moveTo(x, y + 8);
            content.lineTo(x + 7, y - 5);
            content.lineTo(x - 7, y - 5);
            content.closePath();
            content.fill();
            canvas.text(x + 8, y - 3, 8, HOME, true, "自宅");
        }
        content.restoreGraphicsState();
        canvas.box(left, top, MAP_WIDTH, MAP_HEIGHT, null, PlanCanvas.RULE);
        scaleBar(canvas, left + 8, top - MAP_HEIGHT + 8);
        canvas.text(left + MAP_WIDTH - 14, top - 14, 9, PlanCanvas.INK, true, "N↑");
        legend(canvas, left + MAP_WIDTH + 12, top);
        canvas.moveDown(HEIGHT);
    }

    private void scaleBar(PlanCanvas canvas, float x, float y) throws IOException {
        double kilometres = projection.niceScaleKm(MAP_WIDTH / 4);
        float length = (float) (kilometres * projection.pointsPerKm());
        canvas.line(x, y, x + length, y, PlanCanvas.INK, 1.2f);
        canvas.line(x, y, x, y + 3, PlanCanvas.INK, 1.2f);
        canvas.line(x + length, y, x + length, y + 3, PlanCanvas.INK, 1.2f);
        String label = kilometres >= 1 ? String.format("%.0f km", kilometres) : String.format("%.0f m", kilometres * 1000);
        canvas.text(x + length + 4, y - 1, 7, PlanCanvas.INK, false, label);
    }

    private void legend(PlanCanvas canvas, float x, float top) throws IOException {
        float width = PlanCanvas.RIGHT - x;
        float y = top - 10;
        canvas.text(x, y, 8.5f, HOME, true, "▲ 自宅");
        y -= 14;
        for (int i = 0; i < data.destinations().size() && y > top - HEIGHT + 10; i++) {
            Place place = data.destinations().get(i);
            String distance = data.home() == null ? "" : String.format("（自宅から直線 %.1f km）",
                    kilometres(data.home(), place.at()));
            List<String> lines = canvas.fitter().wrap((i + 1) + ". " + place.label() + distance, 8.5f, width);
            for (String line : lines) {
                canvas.text(x, y, 8.5f, PlanCanvas.INK, false, line);
                y -= 11.5f;
            }
            y -= 3;
        }
        canvas.text(x, top - HEIGHT + 12, 7, PlanCanvas.MUTED, false, "直線は方角と距離の目安です（道順ではありません）。");
    }

    /** Great-circle distance in kilometres. */
    static double kilometres(LonLat a, LonLat b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }
}
