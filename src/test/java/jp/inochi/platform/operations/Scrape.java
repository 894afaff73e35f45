package jp.inochi.platform.operations;

import java.util.Arrays;

/** One scrape of {@code /prometheus} as text, read the way a dashboard would: a series' value by name and labels. */
record Scrape(String text) {

    /** The sum of the series of {@code metric} carrying every given label ({@code reason="locked"}); 0 when none. */
    double value(String metric, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String labelsOf(String line) {
        int open = line.indexOf('{');
        return open < 0 ? "" : line.substring(open, line.indexOf('}') + 1);
    }
}
