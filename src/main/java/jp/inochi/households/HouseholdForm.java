package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A household as center staff enter or correct it. {@code version} is the one they saw (optimistic locking). */
@Serdeable
public record HouseholdForm(
        @NotBlank @Size(max = 50) String childFamilyName,
        @NotBlank @Size(max = 50) String childGivenName,
        @NotBlank @Size(max = 50) @Pattern(regexp = KATAKANA, message = "カタカナで入力してください") String childFamilyNameKana,
        @NotBlank @Size(max = 50) @Pattern(regexp = KATAKANA, message = "カタカナで入力してください") String childGivenNameKana,
        @NotNull LocalDate childBirthDate,
        @NotBlank @Size(max = 200) String nicuInstitution,
        @NotNull Boolean nicuInKumamoto,
        @Nullable LocalDate nicuDischargeDate,
        @NotNull Boolean ventilatorDependent,
        @Nullable @DecimalMin("0") @DecimalMax("24") BigDecimal ventilatorHoursPerDay,
        @Nullable @Min(0) @Max(1440) Integer ventilatorOffMinutesPerDay,
        @Nullable @Size(max = 1000) String otherCare,
        @Nullable @Pattern(regexp = "\\d{3}-?\\d{4}", message = "郵便番号は「860-0000」の形式で入力してください") String postalCode,
        @NotBlank @Size(max = 300) String address,
        @NotBlank @Size(max = 2) String prefectureCode,
        @Nullable @Size(max = 5) String municipalityCode,
        @Nullable @Size(max = 5) String wardCode,
        @Nullable Double longitude,
        @Nullable Double latitude,
        @NotNull Boolean sharesWithMunicipality,
        @Nullable LocalDate sharingConsentDate,
        @NotNull Boolean emailContactConsent,
        // who agreed to a change of the consents, and what the municipality's ordinance says (seed 000, line 544)
        @Nullable @Size(max = 100) String consentAgreedBy,
        @Nullable @Size(max = 500) String consentOrdinanceNote,
        @Nullable @DecimalMin("0") @DecimalMax("72") BigDecimal ventilatorBatteryHours,
        @Nullable @Min(0) @Max(20) Integer spareBatteryCount,
        @Nullable @DecimalMin("0") @DecimalMax("72") BigDecimal spareBatteryHoursEach,
        // 在宅 (seed 000, line 486): at home rather than in a hospital or facility; null keeps what is recorded (a new household: at home)
        @Nullable Boolean livesAtHome,
        @NotEmpty(message = "保護者を1人以上入力してください") @Size(max = 5) List<@Valid GuardianForm> guardians,
        @Nullable Long version) {

    static final String KATAKANA = "[ァ-ヶー・　 ]+";

    @Serdeable
    public record GuardianForm(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 100) @Pattern(regexp = KATAKANA, message = "カタカナで入力してください") String nameKana,
            @Nullable @Size(max = 50) String relationship,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Pattern(regexp = "[0-9０-９+()\\-‐ー ]{10,20}", message = "電話番号は数字とハイフンで入力してください") String phone) {
    }
}
