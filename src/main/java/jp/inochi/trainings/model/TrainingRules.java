package jp.inochi.trainings.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of a training session's life: what a session must say, when families may be invited, when attendance. */
public final class TrainingRules {
    public static final int MAX_CAPACITY = 500;

    private TrainingRules() {
    }

    /** A refusal of one field, in Japanese. */
    public record Problem(String field, String message) {
    }

    /** A new session: times in order, a capacity of at least one, and not on a day already past. */
    public static List<Problem> check(LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, int capacity,
                                      LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (heldOn.isBefore(today)) {
            problems.add(new Problem("heldOn", "開催日が過ぎています。今日以降の日付を入力してください"));
        }
        if (!endsAt.isAfter(startsAt)) {
            problems.add(new Problem("endsAt", "終了時刻は開始時刻より後にしてください"));
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            problems.add(new Problem("capacity", "定員は1〜" + MAX_CAPACITY + "人で入力してください"));
        }
        return problems;
    }

    /** Invitations go only before the session's day, and never past its capacity. */
    public static Optional<String> invitationRefusal(LocalDate heldOn, LocalDate today, int alreadyInvited, int adding,
                                                     int capacity) {
        if (!heldOn.isAfter(today)) {
            return Optional.of("開催日を過ぎた（または当日の）研修会には招待を送れません");
        }
        if (adding == 0) {
            return Optional.of("招待する世帯を1つ以上選んでください");
        }
        if (alreadyInvited + adding > capacity) {
            return Optional.of("定員（" + capacity + "人）を超えます。すでに招待 " + alreadyInvited + " 世帯、あと "
                    + Math.max(0, capacity - alreadyInvited) + " 世帯まで招待できます");
        }
        return Optional.empty();
    }

    /** Attendance is what happened: recorded on the session's day or after, not before. */
    public static Optional<String> attendanceRefusal(LocalDate heldOn, LocalDate today) {
        return heldOn.isAfter(today) ? Optional.of("出欠は研修会の当日以降に記録してください") : Optional.empty();
    }
}
