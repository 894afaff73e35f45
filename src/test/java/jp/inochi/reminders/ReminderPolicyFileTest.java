package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import jp.inochi.loans.model.Obligation;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.model.ReminderRule;
import jp.inochi.scheduling.SchedulesFile;
import jp.inochi.scheduling.SchedulesFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schedules/reminders.yml is the policy of the issue, and a wrong file stops the start saying where and what. */
class ReminderPolicyFileTest {

    @TempDir
    Path dir;

    @Test
    void theReviewedFileHoldsTheProgramsPolicy() {
        ReminderPolicy policy = ReminderPolicyFile.read(SchedulesFile.read(Path.of("schedules/reminders.yml")));
        assertEquals(List.of(-60, -30, -7, 1), offsets(policy, Obligation.EVACUATION_PLAN_APPLICATION, Recipient.FAMILY));
        assertEquals(List.of(14), offsets(policy, Obligation.EVACUATION_PLAN_APPLICATION, Recipient.STAFF));
        assertEquals(List.of(-30, -7), offsets(policy, Obligation.YEARLY_CHECK, Recipient.FAMILY));
        assertEquals(List.of(-30, 7), offsets(policy, Obligation.YEARLY_CHECK, Recipient.STAFF));
        assertEquals(List.of(-180, -90, -30, -7), offsets(policy, Obligation.LOAN_TERM_END, Recipient.FAMILY));
        assertEquals(List.of(-180), offsets(policy, Obligation.LOAN_TERM_END, Recipient.STAFF));
        assertEquals(List.of(7, 21, 35), offsets(policy, Obligation.DEVICE_RETURN, Recipient.FAMILY));
        assertEquals(List.of(14, 30), offsets(policy, Obligation.DEVICE_RETURN, Recipient.STAFF));
        assertEquals(List.of(-30, 0, 30), offsets(policy, Obligation.EVACUATION_PLAN_REVIEW, Recipient.FAMILY));
        assertEquals(List.of(-30, 0, 14), offsets(policy, Obligation.EVACUATION_PLAN_REVIEW, Recipient.STAFF));
        assertEquals(LocalTime.of(9, 0), policy.familyDigestAt());
        assertEquals(12, policy.delivery().maxAttempts());
        assertEquals(Duration.ofMinutes(1), policy.delivery().firstRetryAfter());
        assertEquals(Duration.ofMinutes(5), policy.delivery().lease());
        assertEquals(45, policy.linkValidDays());
    }

    @Test
    void aMissingFileSaysWhereItWasLookedForAndHowToPointElsewhere() {
        SchedulesFileException error = assertThrows(SchedulesFileException.class,
                () -> SchedulesFile.read(dir.resolve("reminders.yml")));
        assertTrue(error.getMessage().contains("ファイルがありません"), error.getMessage());
        assertTrue(error.getMessage().contains("INOCHI_SCHEDULES_DIR"), error.getMessage());
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() throws IOException {
        String broken = valid().replace("      days-before: [60, 30, 7]", "      days-before: [60, 30, 7");
        SchedulesFileException error = assertThrows(SchedulesFileException.class, () -> read(broken));
        assertTrue(error.getMessage().matches("(?s).*reminders\\.yml, \\d+行目: YAML として読めません.*"), error.getMessage());
    }

    @Test
    void everyProblemIsListedWithItsLineKeyAndWhatIsWrong() throws IOException {
        String wrong = valid()
                .replace("      days-before: [60, 30, 7]", "      days-before: [60, -3, 7, seven]")
                .replace("    staff:\n      days-after: [14]", "    staf:\n      days-after: [14]")
                .replace("family-at: \"09:00\"", "family-at: \"9時\"")
                .replace("first-retry-after: 1m", "first-retry-after: 1 minute")
                .replace("max-attempts: 12", "max-attempts: 0");
        SchedulesFileException error = assertThrows(SchedulesFileException.class, () -> read(wrong));
        List<String> problems = error.problems();
        assertEquals(6, problems.size(), String.join("\n", problems));
        assertContains(problems, "obligations.evacuation-plan.family.days-before[1]: 「-3」は 0〜3650 の整数で書いてください");
        assertContains(problems, "obligations.evacuation-plan.family.days-before[3]: 「seven」は 0〜3650 の整数で書いてください");
        assertContains(problems, "obligations.evacuation-plan.staf: 不明な項目です（使える項目: family, staff）");
        assertContains(problems, "digest.family-at: 「9時」は \"09:00\" のように時:分で書いてください");
        assertContains(problems, "delivery.first-retry-after: 「1 minute」は 30s・5m・2h・1d のように");
        assertContains(problems, "delivery.max-attempts: 「0」は 1〜100 の整数で書いてください");
        assertTrue(problems.stream().allMatch(p -> p.matches(".*reminders\\.yml, \\d+行目: .*")), String.join("\n", problems));
    }

    @Test
    void aMissingSectionAndARepeatedLeadTimeAreProblems() throws IOException {
        String wrong = valid().replaceAll("(?m)^links:\\n  valid-days:.*\\n", "")
                .replace("days-before: [30, 7]", "days-before: [30, 30]");
        SchedulesFileException error = assertThrows(SchedulesFileException.class, () -> read(wrong));
        assertContains(error.problems(), "links: 必要な項目がありません");
        assertContains(error.problems(), "obligations.yearly-check.family.days-before: 30日前が2回書かれています");
    }

    @Test
    void anOpenReturnCountsOnlyDaysAfterTheReturnOpened() throws IOException {
        String wrong = valid().replace("      days-after: [7, 21, 35]", "      days-before: [7]");
        SchedulesFileException error = assertThrows(SchedulesFileException.class, () -> read(wrong));
        assertContains(error.problems(), "obligations.open-return.family.days-before: 返還は手続きを始めた日から数えるので、"
                + "days-after（何日後）だけを書いてください");
    }

    private ReminderPolicy read(String text) throws IOException {
        Path file = dir.resolve("reminders.yml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ReminderPolicyFile.read(SchedulesFile.read(file));
    }

    private static String valid() throws IOException {
        return Files.readString(Path.of("schedules/reminders.yml"), StandardCharsets.UTF_8);
    }

    private static void assertContains(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing «" + expected + "» in:\n" + String.join("\n", problems));
    }

    private static List<Integer> offsets(ReminderPolicy policy, Obligation obligation, Recipient recipient) {
        return policy.rulesFor(obligation, recipient).stream().map(ReminderRule::offsetDays).toList();
    }
}
