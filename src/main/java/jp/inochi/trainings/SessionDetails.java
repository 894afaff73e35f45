package jp.inochi.trainings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;

/** What staff write for a new training session (the page's form and the API's body). */
@Serdeable
public record SessionDetails(
        @NotNull(message = "開催日を入力してください") LocalDate heldOn,
        @NotNull(message = "開始時刻を入力してください") LocalTime startsAt,
        @NotNull(message = "終了時刻を入力してください") LocalTime endsAt,
        @NotBlank(message = "会場を入力してください") @Size(max = 200, message = "会場は200文字以内で入力してください") String place,
        @NotBlank(message = "内容を入力してください") @Size(max = 500, message = "内容は500文字以内で入力してください") String topic,
        @NotNull(message = "定員を入力してください") Integer capacity,
        @Nullable Long version) {
}
