package jp.inochi.layers;

import java.nio.file.Path;

/**
 * Where an import leaves traces that must go if its instance dies half-way: the directory its temporary files are
 * made under, and the name its database session carries while it runs (so another instance can end that session,
 * its locks and its staging table with it).
 */
public record ImportTraces(Path workParent, String sessionName) {

    /** Temporary files in the system's temporary directory, and a session with no name of its own. */
    public static ImportTraces none() {
        return new ImportTraces(Path.of(System.getProperty("java.io.tmpdir")), null);
    }
}
