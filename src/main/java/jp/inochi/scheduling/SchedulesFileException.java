package jp.inochi.scheduling;

import java.util.List;

/** A file of {@code schedules/} that can't be used: the service refuses to start and says what to fix, line by line. */
public class SchedulesFileException extends RuntimeException {
    private final List<String> problems;

    public SchedulesFileException(String file, List<String> problems) {
        super("スケジュール設定 " + file + " に誤りがあります（" + problems.size() + "件）:\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
