package jp.inochi.evacuationplans.print;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The Japanese TrueType font of printed plans. Parsing it takes longer than printing a plan, so parsed fonts are kept
 * for reuse: each serves one document at a time (a parsed font is not safe to share between threads).
 */
@Singleton
public final class PlanFont {
    public static final String DEFAULT_FILE = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
    public static final String DEBIAN_PACKAGE = "fonts-ipaexfont-gothic";

    private static final int KEPT_PARSED = 4;

    private final Path file;
    private final BlockingQueue<TrueTypeFont> idle = new ArrayBlockingQueue<>(KEPT_PARSED);
    private volatile byte[] bytes;

    public PlanFont(PlanFontSettings settings) {
        this(Path.of(settings.font()));
    }

    public PlanFont(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public boolean available() {
        return Files.isReadable(file) && Files.isRegularFile(file);
    }

    /** A parsed font for one document; give it back with {@link #giveBack} when the document is saved. */
    TrueTypeFont borrow() {
        TrueTypeFont kept = idle.poll();
        return kept != null ? kept : parse();
    }

    void giveBack(TrueTypeFont font) {
        if (!idle.offer(font)) {
            try {
                font.close();
            } catch (IOException ignored) {
                // an in-memory font has nothing to release
            }
        }
    }

    private TrueTypeFont parse() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("The print font " + file + " is not a readable TrueType font", e);
        }
    }

    private byte[] bytes() {
        byte[] loaded = bytes;
        if (loaded == null) {
            if (!available()) {
                throw new PlanFontMissingException(file);
            }
            try {
                loaded = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new PlanFontMissingException(file);
            }
            bytes = loaded;
        }
        return loaded;
    }
}
