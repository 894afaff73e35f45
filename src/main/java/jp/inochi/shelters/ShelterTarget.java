package jp.inochi.shelters;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import jp.inochi.layers.ImportFailure;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.LayerTarget;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;

/** Shelters: points with a name, category, welfare flag and the hazards a site is designated for. */
@Singleton
final class ShelterTarget implements LayerTarget {

    @Override
    public LayerKind kind() {
        return LayerKind.SHELTER;
    }

    @Override
    public boolean polygons() {
        return false;
    }

    @Override
    public List<String> columns() {
        return List.of("category text", "name text", "address text", "municipality_code varchar(5)",
                "welfare_candidate boolean", "accepts text", "suitable_for text[]", "source_id text");
    }

    @Override
    public FeatureMapper bind(ImportRequest request, SourceDescription source, Connection connection) {
        ShelterAttributes.Category requested = null;
        if (request.category() != null && !request.category().isBlank()) {
            try {
                requested = ShelterAttributes.Category.valueOf(request.category().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ImportFailure("避難所の種類「" + request.category() + "」はありません（EVACUATION_SHELTER: 指定避難所、"
                        + "EMERGENCY_SITE: 指定緊急避難場所）");
            }
        }
        ShelterAttributes attributes = ShelterAttributes.bind(source.fieldNames(), requested)
                .orElseThrow(() -> new ImportFailure(source.fileName() + ": 施設名の項目（" + String.join(" / ", ShelterAttributes.NAME)
                        + "）がありません。ファイルの項目: " + String.join(", ", source.fieldNames())));
        return new FeatureMapper() {
            @Override
            public String profile() {
                return "GSI_" + attributes.category().name();
            }

            @Override
            public String fieldsUsed() {
                return attributes.fieldsUsed();
            }

            @Override
            public Mapped map(SourceFeature feature) {
                ShelterAttributes.Shelter shelter = attributes.read(feature.attributes());
                return shelter.skipReason() != null ? Mapped.skip(shelter.skipReason())
                        : Mapped.of(shelter.category().name(), shelter.name(), shelter.address(), shelter.municipalityCode(),
                        shelter.welfareCandidate(), shelter.accepts(), shelter.suitableFor(), shelter.sourceId());
            }
        };
    }

    @Override
    public long publish(Connection connection, Version version) throws SQLException {
        try (PreparedStatement shelters = connection.prepareStatement("""
                INSERT INTO shelter (version_id, feature_index, category, name, address, municipality_code,
                    welfare_candidate, accepts, suitable_for, source_id, attributes, geom)
                SELECT ?, feature_index, category, name, address,
                       CASE WHEN municipality_code IN (SELECT code FROM municipality) THEN municipality_code END,
                       welfare_candidate, accepts, suitable_for, source_id, attributes, geom
                FROM import_stage WHERE skip_reason IS NULL ORDER BY feature_index""")) {
            shelters.setLong(1, version.versionId());
            return shelters.executeUpdate();
        }
    }

    @Override
    public void replaced(Connection connection, Version version, Long previousVersionId) {
        // Whether a shelter lies in a hazard zone is answered at query time (hazard_at), so nothing is derived here.
    }

    @Override
    public void deleteData(Connection connection, long versionId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM shelter WHERE version_id = ?")) {
            delete.setLong(1, versionId);
            delete.executeUpdate();
        }
    }
}
