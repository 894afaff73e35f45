package jp.inochi.disasters.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How far the call list looks for shelters from a home, and how distances and "none" read on it. */
public record ShelterReach(int radiusKm) {
    /** Candidates listed per home. */
    public static final int CANDIDATES = 3;

    public ShelterReach {
        if (radiusKm <= 0) {
            throw new IllegalArgumentException("shelter radius must be positive: " + radiusKm);
        }
    }

    public double radiusMetres() {
        return radiusKm * 1000.0;
    }

    /** 「2.3km」: kilometres with one decimal, as a coordinator reads it on the phone. */
    public static String distanceLabel(long metres) {
        return BigDecimal.valueOf(metres).movePointLeft(3).setScale(1, RoundingMode.HALF_UP).toPlainString() + "km";
    }

    /** 「10km以内に候補なし」 */
    public String noneLabel() {
        return radiusKm + "km以内に候補なし";
    }

    public static String kindLabel(boolean welfareCandidate) {
        return welfareCandidate ? "福祉避難所の候補" : "指定避難所";
    }
}
