package jp.inochi.municipalities;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A municipality (市町村) of Kumamoto prefecture, or one of 熊本市's wards (区). */
@Serdeable
@MappedEntity("municipality")
public record Municipality(@Id String code, String name, MunicipalityKind kind, @Nullable String parentCode) {

    public boolean isWard() {
        return kind == MunicipalityKind.WARD;
    }
}
