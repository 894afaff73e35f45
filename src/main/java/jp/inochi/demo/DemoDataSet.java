package jp.inochi.demo;

import java.nio.file.Path;

/**
 * One feature's part of the demo data under {@code gis/demo}. The run command loads each set once,
 * in {@link #order()}, so a newcomer finds a usable service at first start.
 */
public interface DemoDataSet {

    /** Unique and stable: recorded in {@code demo_data_load} once loaded. */
    String name();

    /** Lower loads first: users 10, households 20, hazard layers 30, loans 40... */
    int order();

    /** Loads the set inside one transaction; returns a one-line summary such as "12 households". */
    String load(Path demoDirectory) throws Exception;
}
