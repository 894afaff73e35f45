package jp.inochi.shelters;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.inochi.hazards.model.HazardType;

/**
 * Reads shelters from GSI's 指定緊急避難場所・指定避難所データ (and files in the same spirit, such as the demo's):
 * the name, address and municipality; for 指定避難所, whether it is a 福祉避難所 candidate (its 受入対象者 is set,
 * or the file has a welfare flag); for 指定緊急避難場所, the hazard types it is designated for (the flags 洪水,
 * 崖崩れ、土石流及び地滑り, 津波, 高潮 set to 1).
 */
public final class ShelterAttributes {
    public enum Category { EVACUATION_SHELTER, EMERGENCY_SITE }

    static final List<String> NAME = List.of("施設・場所名", "施設名", "名称", "name");
    static final List<String> ADDRESS = List.of("住所", "所在地", "address");
    static final List<String> MUNICIPALITY = List.of("muni_code5", "municipality_code", "市町村コード");
    static final List<String> ACCEPTS = List.of("受入対象者");
    static final List<String> WELFARE = List.of("welfare_shelter_candidate", "welfare_candidate", "福祉避難所");
    static final List<String> SOURCE_ID = List.of("共通ID", "NO", "id");
    static final Map<String, HazardType> HAZARD_FLAGS = new LinkedHashMap<>();

    static {
        HAZARD_FLAGS.put("洪水", HazardType.FLOOD);
        HAZARD_FLAGS.put("崖崩れ、土石流及び地滑り", HazardType.LANDSLIDE);
        HAZARD_FLAGS.put("津波", HazardType.TSUNAMI);
        HAZARD_FLAGS.put("高潮", HazardType.STORM_SURGE);
    }

    /** One shelter's values, or why the feature is left out. */
    public record Shelter(Category category, String name, String address, String municipalityCode, boolean welfareCandidate,
                          String accepts, String[] suitableFor, String sourceId, String skipReason) {
    }

    private final Category category;
    private final String name;
    private final Optional<String> address;
    private final Optional<String> municipality;
    private final Optional<String> accepts;
    private final Optional<String> welfare;
    private final Optional<String> sourceId;
    private final Map<String, HazardType> flags = new LinkedHashMap<>();

    private ShelterAttributes(Collection<String> fields, Category requested) {
        this.name = find(fields, NAME).orElse(null);
        this.address = find(fields, ADDRESS);
        this.municipality = find(fields, MUNICIPALITY);
        this.accepts = find(fields, ACCEPTS);
        this.welfare = find(fields, WELFARE);
        this.sourceId = find(fields, SOURCE_ID);
        HAZARD_FLAGS.forEach((flag, type) -> find(fields, List.of(flag)).ifPresent(field -> flags.put(field, type)));
        this.category = requested != null ? requested : flags.isEmpty() ? Category.EVACUATION_SHELTER : Category.EMERGENCY_SITE;
    }

    /** Empty when the file has no name field. */
    public static Optional<ShelterAttributes> bind(Collection<String> fields, Category requested) {
        ShelterAttributes attributes = new ShelterAttributes(fields, requested);
        return attributes.name == null ? Optional.empty() : Optional.of(attributes);
    }

    public Category category() {
        return category;
    }

    public String fieldsUsed() {
        List<String> used = new ArrayList<>(List.of(name));
        address.ifPresent(used::add);
        municipality.ifPresent(used::add);
        accepts.ifPresent(used::add);
        welfare.ifPresent(used::add);
        used.addAll(flags.keySet());
        return String.join(", ", used);
    }

    public Shelter read(Map<String, Object> values) {
        String shelterName = text(values.get(name));
        if (shelterName == null) {
            return new Shelter(category, null, null, null, false, null, null, null, "施設名（" + name + "）が空です");
        }
        String acceptsText = accepts.map(field -> text(values.get(field))).orElse(null);
        boolean welfareCandidate = welfare.map(field -> truthy(values.get(field))).orElse(acceptsText != null);
        List<String> suitable = new ArrayList<>();
        flags.forEach((field, type) -> {
            if (truthy(values.get(field))) {
                suitable.add(type.name());
            }
        });
        String code = municipality.map(field -> text(values.get(field))).orElse(null);
        return new Shelter(category, shelterName, address.map(field -> text(values.get(field))).orElse(null),
                code != null && code.matches("\\d{5}") ? code : null, welfareCandidate, acceptsText,
                suitable.toArray(String[]::new), sourceId.map(field -> text(values.get(field))).orElse(null), null);
    }

    private static Optional<String> find(Collection<String> fields, List<String> candidates) {
        for (String candidate : candidates) {
            for (String field : fields) {
                if (field.equalsIgnoreCase(candidate)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value.toString(), Normalizer.Form.NFKC).strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.intValue() != 0;
        }
        String text = text(value);
        return text != null && List.of("1", "○", "◯", "〇", "true", "yes", "有").contains(text.toLowerCase(Locale.ROOT));
    }
}
