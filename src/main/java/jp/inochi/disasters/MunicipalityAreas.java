package jp.inochi.disasters;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.municipalities.Municipality;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;

/** An event's area as municipalities (or 熊本市's wards): the households that live there by address or by location. */
@Singleton
class MunicipalityAreas {
    /** Parameters: event, time, then the codes four times. */
    static final String HOUSEHOLDS = """
            INSERT INTO disaster_event_household (event_id, household_id, included_because, included_at)
            SELECT ?, h.id, 'MUNICIPALITY', ?
            FROM household h LEFT JOIN household_place p ON p.household_id = h.id
            WHERE h.municipality_code = ANY (?) OR h.ward_code = ANY (?)
               OR p.located_municipality_code = ANY (?) OR p.located_ward_code = ANY (?)
            ON CONFLICT (event_id, household_id) DO NOTHING""";

    private final Municipalities municipalities;

    MunicipalityAreas(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** Every code must name a municipality of Kumamoto or a ward of 熊本市; the description names them. */
    EventAreas.Settled settle(EventAreas.AreaRequest area) {
        List<String> codes = area.codes() == null ? List.of() : area.codes().stream()
                .filter(code -> code != null && !code.isBlank()).map(String::strip).distinct().toList();
        if (codes.isEmpty()) {
            throw new InvalidInputException("area.codes", "対象の市町村（または熊本市の区）のコードを1つ以上指定してください");
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            Optional<Municipality> found = municipalities.municipality(code).or(() -> municipalities.ward(code));
            if (found.isEmpty()) {
                errors.add(new FieldError("area.codes", "熊本県の市町村コード（5桁）または熊本市の区コードではありません: " + code));
            } else {
                Municipality place = found.get();
                names.add(place.isWard() && place.parentCode() != null
                        ? municipalities.municipality(place.parentCode()).map(Municipality::name).orElse("") + place.name()
                        : place.name());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EventAreas.Settled(AreaKind.MUNICIPALITIES, codes, null, null, null, null, null, String.join("、", names));
    }
}
