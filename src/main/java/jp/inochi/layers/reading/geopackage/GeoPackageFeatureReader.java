package jp.inochi.layers.reading.geopackage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.inochi.layers.reading.DeclaredCrs;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.UnreadableFileException;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * One feature table of a GeoPackage (OGC 12-128), read with NGA's GeoPackage library. The CRS is the table's
 * srs: its EPSG code when the organization is EPSG, otherwise its WKT definition to identify. The srs ids 0 and
 * -1 mean "undefined" in the standard and count as no CRS.
 */
public final class GeoPackageFeatureReader implements FeatureReader {
    private final java.nio.file.Path file;
    private final String name;
    private final String table;
    private final long firstIndex;
    private final WKBReader wkb = new WKBReader();
    private GeoPackage geoPackage;
    private FeatureDao dao;
    private FeatureResultSet rows;
    private long number;

    /** @param table the feature table to read, or null when the file must hold exactly one */
    public GeoPackageFeatureReader(java.nio.file.Path file, String name, String table, long firstIndex) {
        this.file = file;
        this.name = name;
        this.table = table;
        this.firstIndex = firstIndex;
    }

    private FeatureDao dao() {
        if (dao == null) {
            try {
                geoPackage = GeoPackageManager.open(false, file.toFile(), false);
            } catch (RuntimeException e) {
                throw new UnreadableFileException(name + " を GeoPackage として開けません（GeoPackage（SQLite）ではないか、壊れています）", e);
            }
            List<String> tables = geoPackage.getFeatureTables();
            String chosen = table;
            if (chosen == null) {
                if (tables.size() != 1) {
                    throw new UnreadableFileException(name + " には地物のテーブルが" + tables.size() + "個あります。"
                            + "読み込むテーブルを entry で指定してください: " + String.join(", ", tables));
                }
                chosen = tables.get(0);
            } else if (!tables.contains(chosen)) {
                throw new UnreadableFileException(name + " に地物のテーブル「" + chosen + "」がありません。あるのは: "
                        + String.join(", ", tables));
            }
            dao = geoPackage.getFeatureDao(chosen);
        }
        return dao;
    }

    @Override
    public SourceDescription describe() {
        FeatureDao features = dao();
        List<String> fields = new ArrayList<>();
        String geometryColumn = features.getGeometryColumnName();
        String pk = features.getPkColumnName();
        for (String column : features.getColumnNames()) {
            if (!column.equals(geometryColumn) && !column.equals(pk)) {
                fields.add(column);
            }
        }
        return new SourceDescription("GeoPackage", name + "（" + features.getTableName() + "）", crs(features.getSrs()),
                fields, features.count(), List.of());
    }

    private static DeclaredCrs crs(SpatialReferenceSystem srs) {
        if (srs == null || srs.getSrsId() == 0 || srs.getSrsId() == -1) {
            return DeclaredCrs.none();
        }
        String organization = srs.getOrganization() == null ? "" : srs.getOrganization().toUpperCase(Locale.ROOT);
        if (organization.equals("EPSG") && srs.getOrganizationCoordsysId() > 0) {
            return DeclaredCrs.epsg((int) srs.getOrganizationCoordsysId(), "EPSG:" + srs.getOrganizationCoordsysId());
        }
        String definition = srs.getDefinition();
        if (definition != null && !definition.isBlank() && !definition.strip().equalsIgnoreCase("undefined")) {
            return DeclaredCrs.wkt(definition, "srs_id " + srs.getSrsId() + "（" + srs.getOrganization() + "）");
        }
        return DeclaredCrs.unrecognised("srs_id " + srs.getSrsId() + "（" + srs.getOrganization() + "）");
    }

    @Override
    public SourceFeature next() {
        FeatureDao features = dao();
        if (rows == null) {
            rows = features.queryForAll();
        }
        if (!rows.moveToNext()) {
            return null;
        }
        number++;
        FeatureRow row = rows.getRow();
        Map<String, Object> attributes = new LinkedHashMap<>();
        int geometryIndex = row.getGeometryColumnIndex();
        int pkIndex = row.getPkColumnIndex();
        for (int i = 0; i < row.columnCount(); i++) {
            if (i != geometryIndex && i != pkIndex) {
                Object value = row.getValue(i);
                attributes.put(row.getColumnName(i), value instanceof byte[] ? null : value);
            }
        }
        GeoPackageGeometryData data = row.getGeometry();
        long global = firstIndex + number - 1;
        if (data == null || data.isEmpty()) {
            return new SourceFeature(global, name, number, null, attributes, "空のジオメトリです");
        }
        try {
            return new SourceFeature(global, name, number, wkb.read(data.getWkb()), attributes, null);
        } catch (IOException | ParseException | RuntimeException e) {
            return new SourceFeature(global, name, number, null, attributes, "ジオメトリ（WKB）を読めません（壊れているか、対応していない図形です）");
        }
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
        }
        if (geoPackage != null) {
            geoPackage.close();
        }
    }
}
