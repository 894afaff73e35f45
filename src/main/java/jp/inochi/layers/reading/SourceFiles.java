package jp.inochi.layers.reading;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import jp.inochi.layers.reading.archive.SafeUnzip;
import jp.inochi.layers.reading.geojson.GeoJsonFeatureReader;
import jp.inochi.layers.reading.geopackage.GeoPackageFeatureReader;
import jp.inochi.layers.reading.shapefile.ShapefileFeatureReader;

/**
 * The registry of formats: from the files a person sent (loose, or in a ZIP), finds the datasets in them and
 * opens the reader for each by extension: {@code .geojson}/{@code .json}, {@code .shp} (with {@code .dbf},
 * {@code .shx}, {@code .prj}, {@code .cpg} of the same name), {@code .gpkg}.
 */
public final class SourceFiles {

    /** How to open the files: which dataset(s) in a ZIP, which GeoPackage table, which DBF encoding. */
    public record Options(String entry, String table, Charset encoding, SafeUnzip.Limits limits) {
    }

    private record Dataset(String format, InputFile main, Map<String, InputFile> siblings) {
    }

    private SourceFiles() {
    }

    /** Opens the dataset(s) the files hold. ZIPs are unpacked into {@code workDirectory} first. */
    public static FeatureReader open(List<InputFile> files, Options options, Path workDirectory) throws IOException {
        List<InputFile> all = new ArrayList<>();
        int archives = 0;
        for (InputFile file : files) {
            if (file.extension().equals("zip")) {
                Path into = workDirectory.resolve("zip-" + (++archives));
                Files.createDirectories(into);
                all.addAll(new SafeUnzip(options.limits()).unpack(file, into));
            } else {
                all.add(file);
            }
        }
        List<Dataset> datasets = datasets(all);
        if (options.entry() != null && !options.entry().isBlank()) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + options.entry().strip());
            datasets = datasets.stream().filter(dataset -> matches(glob, options.entry().strip(), dataset.main())).toList();
            if (datasets.isEmpty()) {
                throw new UnreadableFileException("entry「" + options.entry() + "」に当たるデータがありません。あるのは: "
                        + names(datasets(all)));
            }
        }
        if (datasets.isEmpty()) {
            throw new UnreadableFileException(nothingReadable(all));
        }
        for (Dataset dataset : datasets) {
            if (Files.size(dataset.main().path()) == 0) {
                throw new UnreadableFileException(dataset.main().name() + " は空のファイルです（0 バイト）。地物を含むファイルを送ってください");
            }
        }
        String format = datasets.get(0).format();
        if (datasets.size() > 1 && (options.entry() == null || options.entry().isBlank())) {
            throw new UnreadableFileException("データが" + datasets.size() + "個あります。1つのレイヤーとして読み込むものを entry で指定してください"
                    + "（例: entry=*.shp ですべて、または1つのファイル名）。あるのは: " + names(datasets));
        }
        if (datasets.stream().anyMatch(dataset -> !dataset.format().equals(format))) {
            throw new UnreadableFileException("形式の違うデータは1つのレイヤーとして読み込めません: " + names(datasets));
        }
        List<LongFunction<FeatureReader>> readers = new ArrayList<>();
        for (Dataset dataset : datasets) {
            readers.add(first -> reader(dataset, options, first));
        }
        return readers.size() == 1 ? readers.get(0).apply(1) : new CompositeFeatureReader(readers);
    }

    private static FeatureReader reader(Dataset dataset, Options options, long first) {
        InputFile main = dataset.main();
        return switch (dataset.format()) {
            case "GeoJSON" -> new GeoJsonFeatureReader(main.path(), main.name(), first);
            case "GeoPackage" -> new GeoPackageFeatureReader(main.path(), main.name(), blank(options.table()), first);
            default -> new ShapefileFeatureReader(main, dataset.siblings().get("dbf"), dataset.siblings().get("prj"),
                    dataset.siblings().get("cpg"), options.encoding(), first);
        };
    }

    private static List<Dataset> datasets(List<InputFile> files) {
        Map<String, Map<String, InputFile>> byBase = new LinkedHashMap<>();
        for (InputFile file : files) {
            byBase.computeIfAbsent(key(file), ignored -> new LinkedHashMap<>()).put(file.extension(), file);
        }
        List<Dataset> datasets = new ArrayList<>();
        for (InputFile file : files) {
            switch (file.extension()) {
                case "geojson", "json" -> datasets.add(new Dataset("GeoJSON", file, Map.of()));
                case "gpkg" -> datasets.add(new Dataset("GeoPackage", file, Map.of()));
                case "shp" -> datasets.add(new Dataset("Shapefile", file, byBase.get(key(file))));
                default -> {
                }
            }
        }
        return datasets;
    }

    private static String nothingReadable(List<InputFile> files) {
        for (InputFile file : files) {
            if (file.extension().equals("dbf") || file.extension().equals("shx") || file.extension().equals("prj")) {
                return file.name() + " だけでは読み込めません。シェープファイルは .shp と .dbf を必ず一緒に送ってください";
            }
        }
        List<String> names = files.stream().map(InputFile::name).toList();
        return "読み込める形式のファイルがありません（" + String.join(", ", names) + "）。"
                + "GeoJSON（.geojson）、シェープファイル（.shp と .dbf など）、GeoPackage（.gpkg）、またはそれらの ZIP を送ってください";
    }

    private static boolean matches(PathMatcher glob, String entry, InputFile file) {
        String fileName = file.name().substring(file.name().replace('\\', '/').lastIndexOf('/') + 1);
        return glob.matches(Path.of(file.name())) || glob.matches(Path.of(fileName))
                || file.name().equalsIgnoreCase(entry) || fileName.equalsIgnoreCase(entry);
    }

    private static String key(InputFile file) {
        return (file.directory() + "/" + file.baseName()).toLowerCase(Locale.ROOT);
    }

    private static String names(List<Dataset> datasets) {
        return String.join(", ", datasets.stream().map(dataset -> dataset.main().name()).toList());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
