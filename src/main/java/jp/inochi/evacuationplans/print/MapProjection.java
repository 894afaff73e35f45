package jp.inochi.evacuationplans.print;

import java.util.List;
import jp.inochi.evacuationplans.print.PrintablePlan.LonLat;

/** Longitude/latitude to points in a box: equirectangular around the points' mean latitude, which is true at town scale. */
final class MapProjection {
    private static final double KM_PER_DEGREE = 111.32;
    private static final double MIN_SPAN_KM = 1.0;

    private final double west;
    private final double south;
    private final double cosLat;
    private final double pointsPerKm;
    private final double offsetX;
    private final double offsetY;

    private MapProjection(double west, double south, double cosLat, double pointsPerKm, double offsetX, double offsetY) {
        this.west = west;
        this.south = south;
        this.cosLat = cosLat;
        this.pointsPerKm = pointsPerKm;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
    }

    /** Fits the points into width × height points, centred, with at least 1 km shown. */
    static MapProjection fitting(List<LonLat> points, float width, float height) {
        double west = points.stream().mapToDouble(LonLat::lon).min().orElseThrow();
        double east = points.stream().mapToDouble(LonLat::lon).max().orElseThrow();
        double south = points.stream().mapToDouble(LonLat::lat).min().orElseThrow();
        double north = points.stream().mapToDouble(LonLat::lat).max().orElseThrow();
        double cosLat = Math.cos(Math.toRadians((south + north) / 2));
        double spanXKm = Math.max((east - west) * KM_PER_DEGREE * cosLat, MIN_SPAN_KM);
        double spanYKm = Math.max((north - south) * KM_PER_DEGREE, MIN_SPAN_KM);
        double pointsPerKm = Math.min(width / spanXKm, height / spanYKm);
        double offsetX = (width - (east - west) * KM_PER_DEGREE * cosLat * pointsPerKm) / 2;
        double offsetY = (height - (north - south) * KM_PER_DEGREE * pointsPerKm) / 2;
        return new MapProjection(west, south, cosLat, pointsPerKm, offsetX, offsetY);
    }

    float x(LonLat point) {
        return (float) (offsetX + (point.lon() - west) * KM_PER_DEGREE * cosLat * pointsPerKm);
    }

    float y(LonLat point) {
        return (float) (offsetY + (point.lat() - south) * KM_PER_DEGREE * pointsPerKm);
    }

    double pointsPerKm() {
        return pointsPerKm;
    }

    /** The largest 1-2-5 step in kilometres no longer than {@code maxPoints} on the map. */
    double niceScaleKm(double maxPoints) {
        double maxKm = maxPoints / pointsPerKm;
        double step = Math.pow(10, Math.floor(Math.log10(maxKm)));
        for (double factor : new double[] {5, 2, 1}) {
            if (factor * step <= maxKm) {
                return factor * step;
            }
        }
        return step;
    }
}
