package jp.inochi.layers.reading;

import java.nio.file.Path;

/** A file received for import: where it is on disk and the name it was sent with. */
public record InputFile(Path path, String name) {

    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The name without its directory and extension, for pairing a .shp with its .dbf, .shx, .prj and .cpg. */
    public String baseName() {
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        return (dot < 0 ? file : file.substring(0, dot));
    }

    /** The directory part inside an archive ("" for loose files). */
    public String directory() {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash < 0 ? "" : name.substring(0, slash);
    }
}
