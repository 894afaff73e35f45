package jp.inochi.layers.reading;

/**
 * The coordinate reference system a file declares: an EPSG code it names, a WKT definition (a .prj, a
 * GeoPackage srs without an EPSG code) still to be identified, or nothing.
 */
public record DeclaredCrs(Integer epsg, String wkt, String declaredAs) {

    public static DeclaredCrs none() {
        return new DeclaredCrs(null, null, "なし");
    }

    public static DeclaredCrs epsg(int code, String declaredAs) {
        return new DeclaredCrs(code, null, declaredAs);
    }

    public static DeclaredCrs wkt(String wkt, String declaredAs) {
        return new DeclaredCrs(null, wkt, declaredAs);
    }

    /** A name the file uses that is not an EPSG code we can read (a GeoJSON crs name, for example). */
    public static DeclaredCrs unrecognised(String declaredAs) {
        return new DeclaredCrs(null, null, declaredAs);
    }

    public boolean isMissing() {
        return epsg == null && wkt == null && "なし".equals(declaredAs);
    }
}
