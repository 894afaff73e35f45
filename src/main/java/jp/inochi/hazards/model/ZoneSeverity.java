package jp.inochi.hazards.model;

import java.math.BigDecimal;

/**
 * What a profile makes of one feature: its severity on the hazard type's common scale (higher is worse), the
 * label people see ({@code 3.0m以上5.0m未満}, {@code 土砂災害特別警戒区域（レッド）}), and the details the source gives.
 */
public record ZoneSeverity(int severity, String label, BigDecimal depthMin, BigDecimal depthMax,
                           Integer durationRank, String durationLabel, String phenomenon) {

    public static ZoneSeverity of(int severity, String label) {
        return new ZoneSeverity(severity, label, null, null, null, null, null);
    }

    static ZoneSeverity depth(FloodDepthRank rank, DepthRange range) {
        return new ZoneSeverity(rank.rank(), range.label(), range.min(), range.max(), null, null, null);
    }

    ZoneSeverity withDuration(FloodDuration duration) {
        return new ZoneSeverity(severity, label, depthMin, depthMax, duration.rank(), duration.label(), phenomenon);
    }

    ZoneSeverity withPhenomenon(String value) {
        return new ZoneSeverity(severity, label, depthMin, depthMax, durationRank, durationLabel, value);
    }
}
