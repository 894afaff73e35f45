package jp.inochi.municipalities;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Answers "is this a Kumamoto municipality?" for validation across the features. */
@Singleton
public class Municipalities {
    public static final String KUMAMOTO_PREFECTURE_CODE = "43";
    public static final String KUMAMOTO_CITY = "43100";

    private final MunicipalityRepository repository;

    Municipalities(MunicipalityRepository repository) {
        this.repository = repository;
    }

    /** One of the 45 (wards excluded). */
    public Optional<Municipality> municipality(String code) {
        return repository.findById(code).filter(found -> !found.isWard());
    }

    /** A ward of 熊本市. */
    public Optional<Municipality> ward(String code) {
        return repository.findById(code).filter(Municipality::isWard);
    }

    public List<Municipality> all45() {
        return repository.findByKindNotEqualOrderByCode(MunicipalityKind.WARD);
    }

    public List<Municipality> allWithWards() {
        return repository.findAllOrderByCode();
    }
}
