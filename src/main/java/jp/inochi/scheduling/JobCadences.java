package jp.inochi.scheduling;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * The cadence of every recurring job, from {@code schedules/jobs.yml} only: staff and operators review and change when
 * the sweeps and the mail delivery run there, not in code. Every job needs its entry; {@code enabled: false} keeps a
 * job from running on any instance, and {@code run-at-start: true} also runs it once whenever an instance starts
 * (a sweep catching up after a stop).
 */
final class JobCadences {
    static final String FILE = "jobs.yml";

    private JobCadences() {
    }

    /** A job's cron, whether it runs at all, and whether an instance also runs it once when it starts. */
    record Cadence(String cron, boolean enabled, boolean runAtStart) {
    }

    static Map<String, Cadence> read(SchedulesFile file, Set<String> knownJobs) {
        Map<String, Cadence> cadences = new HashMap<>();
        SchedulesFile.Section root = file.root();
        root.onlyKeys(Set.of("jobs"));
        root.requiredSection("jobs").ifPresent(jobs -> {
            for (String name : jobs.keys()) {
                if (!knownJobs.contains(name)) {
                    jobs.problem(name, "この名前のジョブはありません（あるジョブ: "
                            + String.join(", ", knownJobs.stream().sorted().toList()) + "）");
                    continue;
                }
                jobs.section(name).ifPresent(job -> {
                    job.onlyKeys(Set.of("cron", "enabled", "run-at-start"));
                    boolean enabled = job.bool("enabled").orElse(true);
                    boolean runAtStart = job.bool("run-at-start").orElse(false);
                    job.requiredText("cron").ifPresent(cron -> {
                        try {
                            CronExpression.validateExpression(cron);
                            cadences.put(name, new Cadence(cron, enabled, runAtStart));
                        } catch (ParseException e) {
                            job.problem("cron", "「" + cron + "」は Quartz の cron 式として正しくありません（" + e.getMessage()
                                    + "）。秒 分 時 日 月 曜日 の6項目で、日か曜日の一方は ? にします。例: \"0 5 * * * ?\"");
                        }
                    });
                });
            }
            for (String name : knownJobs.stream().sorted().toList()) {
                if (!jobs.has(name)) {
                    jobs.problem(name, "このジョブの実行時刻が書かれていません。cron を書いてください（どのインスタンスでも実行しないときは enabled: false も）");
                }
            }
        });
        file.finish();
        return Map.copyOf(cadences);
    }
}
