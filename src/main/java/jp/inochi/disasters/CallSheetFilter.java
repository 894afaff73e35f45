package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.web.Pager;

/**
 * What the coordinator narrowed the call sheet to: municipality, reply status (on the unreached list: the email's
 * state, since every row there is unreached), power left under 6, 24 or 72 hours, ventilator users only, and the page.
 * A value that is not one of the choices is ignored, so a hand-edited address still shows a list.
 */
public record CallSheetFilter(@Nullable String municipality, @Nullable String status, @Nullable Integer powerBand,
                       boolean ventilatorOnly, @Nullable Integer page) {
    static final List<Integer> POWER_BANDS = List.of(6, 24, 72);

    static CallSheetFilter of(boolean unreachedList, @Nullable String municipality, @Nullable String status,
                              @Nullable String power, @Nullable String ventilator, @Nullable String page) {
        String chosen = blankToNull(status);
        return new CallSheetFilter(blankToNull(municipality), chosen != null && knownReply(chosen, unreachedList)
                ? chosen.toUpperCase(Locale.ROOT) : null, band(power),
                "1".equals(ventilator) || "true".equalsIgnoreCase(ventilator), number(page));
    }

    static CallSheetFilter none() {
        return new CallSheetFilter(null, null, null, false, null);
    }

    /** True when the household is one the coordinator asked to see. */
    boolean matches(EventStandings.Standing row, boolean unreachedList) {
        if (municipality != null && !municipality.equals(row.municipalityCode())) {
            return false;
        }
        if (status != null && !status.equals(unreachedList ? row.email().name() : row.status().name())) {
            return false;
        }
        if (powerBand != null && row.remainingHours().compareTo(BigDecimal.valueOf(powerBand)) >= 0) {
            return false;
        }
        return !ventilatorOnly || row.ventilator();
    }

    /** The query parameters the pager's links and the no-script redirect repeat (the page itself is added by the pager). */
    Map<String, String> kept() {
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("municipality", municipality);
        kept.put("status", status);
        kept.put("power", powerBand == null ? null : String.valueOf(powerBand));
        kept.put("ventilator", ventilatorOnly ? "1" : null);
        return kept;
    }

    /** The list's address with these filters and page, as the pager links to it. */
    String address(String path) {
        int shown = page == null || page < 1 ? 1 : page;
        return Pager.of(path, kept(), shown, (long) shown * Pager.SIZE).href(shown);
    }

    public boolean narrowed() {
        return municipality != null || status != null || powerBand != null || ventilatorOnly;
    }

    /** The reply choices of a list: safety statuses on the call list, email states on the unreached list. */
    private static boolean knownReply(String value, boolean unreachedList) {
        String upper = value.toUpperCase(Locale.ROOT);
        for (Enum<?> known : unreachedList ? SafetyStatus.Email.values() : SafetyStatus.values()) {
            if (known.name().equals(upper)) {
                return true;
            }
        }
        return false;
    }

    private static Integer band(@Nullable String power) {
        Integer hours = number(power);
        return hours != null && POWER_BANDS.contains(hours) ? hours : null;
    }

    private static Integer number(@Nullable String text) {
        if (text == null || !text.strip().matches("[0-9]{1,6}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() || text.length() > 40 ? null : text.strip();
    }
}
