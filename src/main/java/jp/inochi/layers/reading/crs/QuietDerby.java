package jp.inochi.layers.reading.crs;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.io.OutputStream;

/**
 * Derby (the EPSG database inside Apache SIS) writes {@code derby.log} into the working directory when it boots, and
 * it boots at start-up: Micronaut's JDBC settings probe for embedded database drivers and load Derby's. This sends
 * Derby's log nowhere, before the context (and the datasource) is built. Set {@code derby.stream.error.file} to keep it.
 */
@ContextConfigurer
public final class QuietDerby implements ApplicationContextConfigurer {
    /** Where Derby's error log goes ({@code derby.stream.error.field}). */
    public static final OutputStream SILENT = OutputStream.nullOutputStream();

    @Override
    public void configure(ApplicationContextBuilder builder) {
        silence();
    }

    static void silence() {
        if (System.getProperty("derby.stream.error.field") == null && System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.field", QuietDerby.class.getName() + ".SILENT");
        }
    }
}
