package jp.inochi.municipalities;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.municipalities.Municipality;

/** Names of the 45 municipalities and 熊本市's wards for screens (reference data from a migration; read once). */
@Singleton
public class MunicipalityNames {
    private final Municipalities municipalities;
    private volatile Map<String, Municipality> byCode;

    MunicipalityNames(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** 人吉市, or 熊本市 中央区 with the ward; "—" when unknown or none. */
    public String of(@Nullable String municipalityCode, @Nullable String wardCode) {
        if (municipalityCode == null) {
            return "—";
        }
        String name = nameOf(municipalityCode);
        return wardCode == null ? name : name + " " + nameOf(wardCode);
    }

    public String of(@Nullable String code) {
        return of(code, null);
    }

    /** The 45 municipalities in code order, for selects. */
    public List<Municipality> municipalities() {
        return municipalities.all45();
    }

    /** 熊本市's wards, for selects. */
    public List<Municipality> wards() {
        return all().values().stream().filter(Municipality::isWard).sorted(java.util.Comparator.comparing(Municipality::code))
                .toList();
    }

    private String nameOf(String code) {
        Municipality found = all().get(code);
        return found == null ? code : found.name();
    }

    private Map<String, Municipality> all() {
        Map<String, Municipality> loaded = byCode;
        if (loaded == null) {
            loaded = municipalities.allWithWards().stream()
                    .collect(Collectors.toUnmodifiableMap(Municipality::code, Function.identity()));
            byCode = loaded;
        }
        return loaded;
    }
}
