package jp.inochi.layers.reading.shapefile;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.inochi.layers.reading.DeclaredCrs;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.UnreadableFileException;

/**
 * An ESRI Shapefile: the .shp (geometry) with its .dbf (attributes, required), its .prj (CRS as WKT) and its .cpg
 * (the DBF's encoding). Without a .cpg the DBF is read as CP932, KSJ's Shift_JIS (domain.md), unless the person
 * importing names another encoding. The .shx index is not needed to read the file in order.
 */
public final class ShapefileFeatureReader implements FeatureReader {
    /** KSJ shapefiles without a .cpg are Shift_JIS; CP932 is Microsoft's superset of it. */
    public static final Charset DEFAULT_CHARSET = Charset.forName("windows-31j");

    private final InputFile shp;
    private final InputFile dbf;
    private final InputFile prj;
    private final InputFile cpg;
    private final Charset requested;
    private final long firstIndex;
    private ShpReader shapes;
    private DbfReader records;
    private long number;

    /**
     * @param requested the encoding the person named, or null to take the .cpg's, or CP932
     */
    public ShapefileFeatureReader(InputFile shp, InputFile dbf, InputFile prj, InputFile cpg, Charset requested,
                                  long firstIndex) {
        if (dbf == null) {
            throw new UnreadableFileException(shp.name() + " に対応する .dbf ファイルがありません。シェープファイルは .shp と .dbf"
                    + "（属性）を必ず一緒に送ってください（.shx・.prj・.cpg もあれば一緒に）");
        }
        this.shp = shp;
        this.dbf = dbf;
        this.prj = prj;
        this.cpg = cpg;
        this.requested = requested;
        this.firstIndex = firstIndex;
    }

    @Override
    public SourceDescription describe() throws IOException {
        List<String> warnings = new ArrayList<>();
        Charset charset = charset(warnings);
        DeclaredCrs crs = DeclaredCrs.none();
        if (prj != null) {
            String wkt = Files.readString(prj.path(), StandardCharsets.ISO_8859_1).strip();
            if (!wkt.isEmpty()) {
                crs = DeclaredCrs.wkt(wkt, prj.name());
            }
        }
        try (ShpReader check = new ShpReader(shp.path(), shp.name());
             DbfReader table = new DbfReader(dbf.path(), dbf.name(), charset)) {
            return new SourceDescription("Shapefile", shp.name(), crs, table.fieldNames(), table.recordCount(), warnings);
        }
    }

    private Charset charset(List<String> warnings) throws IOException {
        if (requested != null) {
            return requested;
        }
        if (cpg == null) {
            warnings.add(dbf.name() + " に .cpg がないため、属性を CP932（Shift_JIS）として読みました");
            return DEFAULT_CHARSET;
        }
        String declared = Files.readString(cpg.path(), StandardCharsets.ISO_8859_1).strip();
        return charsetNamed(declared).orElseThrow(() -> new UnreadableFileException(
                cpg.name() + " の文字コード「" + declared + "」が分かりません。文字コード（例: UTF-8, CP932）を指定してください"));
    }

    /** The names .cpg files use: UTF-8, 65001, CP932, 932, SJIS, Shift_JIS, "ANSI 932"... */
    public static java.util.Optional<Charset> charsetNamed(String declared) {
        String name = declared.strip().toUpperCase(Locale.ROOT).replace("ANSI ", "");
        switch (name) {
            case "65001", "UTF8", "UTF-8":
                return java.util.Optional.of(StandardCharsets.UTF_8);
            case "932", "CP932", "SJIS", "SHIFT_JIS", "SHIFT-JIS", "MS932", "WINDOWS-31J":
                return java.util.Optional.of(DEFAULT_CHARSET);
            case "EUC-JP", "EUCJP", "20932":
                return java.util.Optional.of(Charset.forName("EUC-JP"));
            default:
                try {
                    return java.util.Optional.of(Charset.forName(declared.strip()));
                } catch (IllegalArgumentException e) {
                    return java.util.Optional.empty();
                }
        }
    }

    @Override
    public SourceFeature next() throws IOException {
        if (shapes == null) {
            Charset charset = charset(new ArrayList<>());
            shapes = new ShpReader(shp.path(), shp.name());
            records = new DbfReader(dbf.path(), dbf.name(), charset);
        }
        while (true) {
            ShpReader.Shape shape = shapes.next(number + 1);
            if (shape == null) {
                return null;
            }
            number++;
            Map<String, Object> attributes = records.next(number);
            if (attributes == null) {
                continue; // deleted in the .dbf: not a feature
            }
            return new SourceFeature(firstIndex + number - 1, shp.name(), number, shape.geometry(), attributes, shape.note());
        }
    }

    @Override
    public void close() throws IOException {
        if (shapes != null) {
            shapes.close();
        }
        if (records != null) {
            records.close();
        }
    }
}
