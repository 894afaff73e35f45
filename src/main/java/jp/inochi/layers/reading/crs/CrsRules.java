package jp.inochi.layers.reading.crs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import jp.inochi.layers.reading.DeclaredCrs;
import jp.inochi.layers.reading.SourceDescription;

/**
 * The CRS rules every file read for the map follows (a layer import, an event's area): the EPSG code the person gave,
 * else the one the file declares, else its definition (a {@code .prj}) identified; and PostGIS must know the code to
 * transform from it.
 */
public final class CrsRules {

    /**
     * How a caller asks for the code when the file's CRS can't be settled: the request, its examples, whether the
     * unidentified definition is quoted, and the exception its people see.
     */
    public record Asking(String ask, String examples, boolean quotesDefinition,
                         Function<String, RuntimeException> refusal) {
    }

    private CrsRules() {
    }

    /** The SRID to read the file's coordinates in; refuses, in the caller's words, when there is none. */
    public static int sourceSrid(Connection connection, SourceDescription source, Integer given, Asking asking)
            throws SQLException {
        DeclaredCrs declared = source.crs();
        Integer srid = given != null ? given : declared.epsg();
        if (srid == null && declared.wkt() != null) {
            srid = PrjIdentifier.identify(declared.wkt()).orElseThrow(() -> asking.refusal().apply(
                    "座標系（" + declared.declaredAs() + "）を EPSG コードに特定できませんでした。" + asking.ask()
                            + asking.examples() + (asking.quotesDefinition() ? "。定義: " + abbreviate(declared.wkt()) : "")));
        }
        if (srid == null) {
            throw asking.refusal().apply(declared.isMissing()
                    ? source.fileName() + " には座標系の情報（.prj など）がありません。" + asking.ask() + asking.examples()
                    : source.fileName() + " の座標系「" + declared.declaredAs() + "」が分かりません（EPSG コードとして読めません）。"
                            + asking.ask() + asking.examples());
        }
        try (PreparedStatement known = connection.prepareStatement(
                "SELECT 1 FROM spatial_ref_sys WHERE srid = ? AND auth_name = 'EPSG'")) {
            known.setInt(1, srid);
            try (ResultSet result = known.executeQuery()) {
                if (!result.next()) {
                    throw asking.refusal().apply("EPSG:" + srid + " はこのデータベースの座標系一覧にないため変換できません");
                }
            }
        }
        return srid;
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
