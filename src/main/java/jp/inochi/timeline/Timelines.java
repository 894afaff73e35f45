package jp.inochi.timeline;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import jp.inochi.access.Role;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.SubjectType;

/**
 * The lifecycle history (who, when, why, from which state to which) in words staff read; each feature gives the
 * words for its own actions and states through {@link TimelineLabels}.
 */
@Singleton
public class Timelines {
    private static final Map<String, String> GENERIC_ACTIONS = Map.ofEntries(
            Map.entry("receive", "受付"), Map.entry("start", "貸与開始"), Map.entry("accept", "貸与条件への同意"),
            Map.entry("record", "記録"), Map.entry("add-photo", "写真の追加"), Map.entry("register", "登録"),
            Map.entry("correct", "訂正"), Map.entry("move", "転居（住所の変更）"),
            Map.entry("weaned-off-ventilator", "人工呼吸器からの離脱"), Map.entry("supersede", "再送により無効"),
            Map.entry("record-term-exception", "貸与期間（通算5年）の例外の記録"),
            Map.entry("restart-plan-status", "転居先の市町村での個別避難計画の開始"),
            Map.entry("moved-out-of-prefecture", "県外への転居（確認で判明）"),
            Map.entry("found-not-at-home", "病院・施設での生活（確認で判明）"),
            Map.entry("left-home", "病院・施設での生活に変更"), Map.entry("back-home", "自宅での生活に変更"));

    private final List<TimelineLabels> labels;

    Timelines(List<TimelineLabels> labels) {
        this.labels = labels;
    }

    /** One step on screen. */
    public record Entry(LocalDate effectiveOn, Instant recordedAt, String subject, String action,
                        @Nullable String states, @Nullable String reason, String actor) {
    }

    public List<Entry> of(List<LifecycleEvent> events) {
        return events.stream().map(this::entry).toList();
    }

    Entry entry(LifecycleEvent e) {
        String subject = e.subjectType().label() + (e.subjectType() == SubjectType.HOUSEHOLD ? "" : " 第" + e.subjectId() + "号");
        String states = null;
        if (e.stateAfter() != null && !e.stateAfter().equals(e.stateBefore())) {
            states = (e.stateBefore() == null ? "" : state(e.subjectType(), e.stateBefore()) + " → ")
                    + state(e.subjectType(), e.stateAfter());
        }
        return new Entry(e.effectiveOn(), e.occurredAt(), subject, action(e.subjectType(), e.action()), states, e.reason(),
                actor(e));
    }

    static String actor(LifecycleEvent e) {
        if ("SYSTEM".equals(e.actorRole())) {
            return "システム（自動処理）";
        }
        try {
            return e.actorUsername() + "（" + Role.valueOf(e.actorRole()).label() + "）";
        } catch (IllegalArgumentException unknown) {
            return e.actorUsername();
        }
    }

    String action(SubjectType subject, String apiName) {
        for (Labelled action : all(subject, TimelineLabels::actions)) {
            if (action.apiName().equals(apiName)) {
                return action.label();
            }
        }
        return GENERIC_ACTIONS.getOrDefault(apiName, apiName);
    }

    /** The words for a state of {@code subject} (e.g. a loan's plan status), or its name if no feature knows it. */
    public String state(SubjectType subject, String name) {
        for (Labelled state : all(subject, TimelineLabels::states)) {
            if (state.name().equals(name)) {
                return state.label();
            }
        }
        return name;
    }

    private List<Labelled> all(SubjectType subject, BiFunction<TimelineLabels, SubjectType, List<Labelled>> kind) {
        return labels.stream().flatMap(feature -> kind.apply(feature, subject).stream()).toList();
    }
}
