package jp.inochi.reminders;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.inochi.reminders.model.DeliveryRetries;
import jp.inochi.reminders.model.PolicyNames;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.model.ReminderRule;
import jp.inochi.scheduling.SchedulesFile;
import jp.inochi.scheduling.SchedulesSettings;

/**
 * Reads the reminder policy from {@code schedules/reminders.yml} when the service starts: lead times, digest hours,
 * retries and link validity are settings staff review, not code. Anything wrong stops the start with every problem
 * listed by line and key.
 */
@Factory
public class ReminderPolicyFile {
    public static final String FILE = "reminders.yml";

    @Context
    ReminderPolicy reminderPolicy(SchedulesSettings settings) {
        return read(SchedulesFile.read(settings.file(FILE)));
    }

    /** The policy of a schedules file; throws {@link jp.inochi.scheduling.SchedulesFileException} listing every problem. */
    public static ReminderPolicy read(SchedulesFile file) {
        SchedulesFile.Section root = file.root();
        root.onlyKeys(Set.of("obligations", "digest", "delivery", "links", "sweep"));
        List<ReminderRule> rules = new ArrayList<>();
        root.requiredSection("obligations").ifPresent(obligations -> {
            obligations.onlyKeys(names());
            for (PolicyNames name : PolicyNames.values()) {
                obligations.requiredSection(name.fileName()).ifPresent(obligation -> {
                    obligation.onlyKeys(Set.of("family", "staff"));
                    for (Recipient recipient : Recipient.values()) {
                        String key = recipient.name().toLowerCase(java.util.Locale.ROOT);
                        obligation.section(key).ifPresent(when -> rules.addAll(rules(name, recipient, when)));
                    }
                });
            }
        });
        Optional<SchedulesFile.Section> digest = root.requiredSection("digest");
        digest.ifPresent(d -> d.onlyKeys(Set.of("family-at", "staff-at")));
        LocalTime familyAt = digest.flatMap(d -> d.timeOfDay("family-at")).orElse(null);
        LocalTime staffAt = digest.flatMap(d -> d.timeOfDay("staff-at")).orElse(null);

        Optional<SchedulesFile.Section> delivery = root.requiredSection("delivery");
        delivery.ifPresent(d -> d.onlyKeys(Set.of("max-attempts", "first-retry-after", "backoff-multiplier",
                "longest-wait", "lease", "batch-size")));
        Integer maxAttempts = delivery.flatMap(d -> d.integer("max-attempts", 1, 100)).orElse(null);
        Duration firstRetry = delivery.flatMap(d -> d.duration("first-retry-after", Duration.ofSeconds(1),
                Duration.ofDays(1))).orElse(null);
        Double multiplier = delivery.flatMap(d -> d.decimal("backoff-multiplier", 1.0, 10.0)).orElse(null);
        Duration longest = delivery.flatMap(d -> d.duration("longest-wait", Duration.ofSeconds(1),
                Duration.ofDays(7))).orElse(null);
        Duration lease = delivery.flatMap(d -> d.duration("lease", Duration.ofSeconds(30), Duration.ofHours(1)))
                .orElse(null);
        Integer batch = delivery.flatMap(d -> d.integer("batch-size", 1, 1000)).orElse(null);
        if (firstRetry != null && longest != null && longest.compareTo(firstRetry) < 0) {
            delivery.get().problem("longest-wait", "first-retry-after（" + firstRetry + "）より短くできません");
        }

        Optional<SchedulesFile.Section> links = root.requiredSection("links");
        links.ifPresent(l -> l.onlyKeys(Set.of("valid-days")));
        Integer validDays = links.flatMap(l -> l.integer("valid-days", 1, 365)).orElse(null);

        Optional<SchedulesFile.Section> sweep = root.requiredSection("sweep");
        sweep.ifPresent(s -> s.onlyKeys(Set.of("chunk-size")));
        Integer chunk = sweep.flatMap(s -> s.integer("chunk-size", 10, 100_000)).orElse(null);

        file.finish();
        return new ReminderPolicy(rules, familyAt, staffAt,
                new DeliveryRetries(maxAttempts, firstRetry, multiplier, longest, lease, batch), validDays, chunk);
    }

    private static List<ReminderRule> rules(PolicyNames name, Recipient recipient, SchedulesFile.Section when) {
        when.onlyKeys(Set.of("days-before", "days-after"));
        List<ReminderRule> rules = new ArrayList<>();
        if (name.countsOnlyAfter() && when.has("days-before")) {
            when.problem("days-before", "返還は手続きを始めた日から数えるので、days-after（何日後）だけを書いてください");
        }
        Set<Integer> seen = new HashSet<>();
        for (int days : when.integers("days-before", 0, 3650)) {
            if (!seen.add(-days)) {
                when.problem("days-before", days + "日前が2回書かれています");
            }
            rules.add(new ReminderRule(name.obligation(), recipient, -days));
        }
        for (int days : when.integers("days-after", 1, 3650)) {
            if (!seen.add(days)) {
                when.problem("days-after", days + "日後が2回書かれています");
            }
            rules.add(new ReminderRule(name.obligation(), recipient, days));
        }
        return rules.stream().distinct().toList();
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>();
        for (PolicyNames name : PolicyNames.values()) {
            names.add(name.fileName());
        }
        return names;
    }
}
