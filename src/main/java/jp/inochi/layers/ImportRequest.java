package jp.inochi.layers;

import java.nio.charset.Charset;

/**
 * One import as the person asked for it. {@code crs} (an EPSG code) overrides what the file declares and is
 * required when the file declares none; {@code encoding} overrides a shapefile's .cpg (or the CP932 default);
 * {@code entry} picks the dataset(s) in a ZIP (a glob), {@code table} a GeoPackage table. {@code hazardType} is the
 * code a hazard layer is stored with (the hazards feature names and checks them); other kinds leave it null.
 */
public record ImportRequest(LayerKind kind, String layerName, String hazardType, String profile,
                            String severityField, String labelField, String category, String source, String licence,
                            String credit, Integer crs, Charset encoding, String entry, String table,
                            Long requestedBy) {

    public static ImportRequest of(LayerKind kind, String layerName, String source, String licence, String credit) {
        return new ImportRequest(kind, layerName, null, null, null, null, null, source, licence, credit,
                null, null, null, null, null);
    }

    public ImportRequest withHazardType(String code) {
        return new ImportRequest(kind, layerName, code, profile, severityField, labelField, category, source, licence,
                credit, crs, encoding, entry, table, requestedBy);
    }

    public ImportRequest withProfile(String profileCode, String severity, String label) {
        return new ImportRequest(kind, layerName, hazardType, profileCode, severity, label, category, source, licence,
                credit, crs, encoding, entry, table, requestedBy);
    }

    public ImportRequest withCrs(Integer epsg) {
        return new ImportRequest(kind, layerName, hazardType, profile, severityField, labelField, category, source,
                licence, credit, epsg, encoding, entry, table, requestedBy);
    }

    public ImportRequest withEncoding(Charset charset) {
        return new ImportRequest(kind, layerName, hazardType, profile, severityField, labelField, category, source,
                licence, credit, crs, charset, entry, table, requestedBy);
    }

    public ImportRequest withEntry(String entryGlob, String tableName) {
        return new ImportRequest(kind, layerName, hazardType, profile, severityField, labelField, category, source,
                licence, credit, crs, encoding, entryGlob, tableName, requestedBy);
    }

    public ImportRequest withCategory(String shelterCategory) {
        return new ImportRequest(kind, layerName, hazardType, profile, severityField, labelField, shelterCategory, source,
                licence, credit, crs, encoding, entry, table, requestedBy);
    }

    public ImportRequest requestedBy(Long userId) {
        return new ImportRequest(kind, layerName, hazardType, profile, severityField, labelField, category, source,
                licence, credit, crs, encoding, entry, table, userId);
    }
}
