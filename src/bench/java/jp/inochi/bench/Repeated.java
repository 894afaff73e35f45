package jp.inochi.bench;

import java.util.ArrayList;
import java.util.List;

/** One action timed a few times: warm-up runs first, then up to {@code runs}, fewer when they overrun a budget. */
record Repeated(List<Double> millis) {

    interface Action {
        void run() throws Exception;
    }

    /**
     * At least one measured run; more while the measured runs stay within {@code budgetMillis}. Warm-up stops after a
     * run over a tenth of the budget: a page that slow is not warmed up by a second call, only made to take minutes.
     */
    static Repeated time(int warmup, int runs, double budgetMillis, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            long started = System.nanoTime();
            action.run();
            if (HazardBench.millisSince(started) > budgetMillis / 10) {
                break;
            }
        }
        List<Double> millis = new ArrayList<>();
        double spent = 0;
        while (millis.size() < runs && (millis.isEmpty() || spent < budgetMillis)) {
            long started = System.nanoTime();
            action.run();
            double took = HazardBench.millisSince(started);
            millis.add(took);
            spent += took;
        }
        return new Repeated(millis);
    }

    double p50() {
        return HazardBench.median(millis);
    }

    @Override
    public String toString() {
        return millis.size() == 1 ? "one run" : "p50 of " + millis.size();
    }
}
