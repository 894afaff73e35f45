package jp.inochi.bench;

import java.util.List;

/** One benchmark: it runs our code and its baseline in the same run and reports ratios. */
public interface Benchmark {

    /** Short name used on the command line: {@code bin/bench startup}. */
    String name();

    List<BenchResult> run() throws Exception;
}
