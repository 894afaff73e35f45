package jp.inochi.households;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.time.JapaneseDates;

/**
 * The rules a household's data must meet beyond single fields: dates that can't be in the future, a Kumamoto home
 * in one of the 45 municipalities (a ward only for 熊本市), a point inside the prefecture, consistent consents.
 */
public final class HouseholdRules {
    public static final String KUMAMOTO = "43";
    public static final String KUMAMOTO_CITY = "43100";
    /** A generous box around Kumamoto prefecture (天草 to 阿蘇, 水俣 to 南関), JGD2011 degrees. */
    static final double KUMAMOTO_MIN_LON = 129.8;
    static final double KUMAMOTO_MAX_LON = 131.4;
    static final double KUMAMOTO_MIN_LAT = 32.0;
    static final double KUMAMOTO_MAX_LAT = 33.3;
    /** Japan, for homes outside the prefecture. */
    static final double JAPAN_MIN_LON = 122.0;
    static final double JAPAN_MAX_LON = 154.0;
    static final double JAPAN_MIN_LAT = 20.0;
    static final double JAPAN_MAX_LAT = 46.0;

    private final Predicate<String> isMunicipality;
    private final Predicate<String> isWardOfKumamotoCity;

    public HouseholdRules(Predicate<String> isMunicipality, Predicate<String> isWardOfKumamotoCity) {
        this.isMunicipality = isMunicipality;
        this.isWardOfKumamotoCity = isWardOfKumamotoCity;
    }

    /** The facts the rules look at. */
    public record Facts(LocalDate childBirthDate, LocalDate nicuDischargeDate, boolean ventilatorDependent,
                        BigDecimal ventilatorHoursPerDay, Integer ventilatorOffMinutesPerDay, String prefectureCode,
                        String municipalityCode, String wardCode, Double longitude, Double latitude,
                        boolean sharesWithMunicipality, LocalDate sharingConsentDate, boolean emailContactConsent,
                        boolean anyGuardianEmail) {
    }

    public List<FieldError> check(Facts f, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        future(errors, "childBirthDate", f.childBirthDate(), today);
        future(errors, "nicuDischargeDate", f.nicuDischargeDate(), today);
        if (f.childBirthDate() != null && f.nicuDischargeDate() != null && f.nicuDischargeDate().isBefore(f.childBirthDate())) {
            errors.add(new FieldError("nicuDischargeDate", "退院日が生年月日より前になっています"));
        }
        if (f.ventilatorDependent() && f.ventilatorHoursPerDay() == null && f.ventilatorOffMinutesPerDay() == null) {
            errors.add(new FieldError("ventilatorHoursPerDay", "人工呼吸器の1日の装着時間か、外している時間（分）を入力してください"));
        }
        home(errors, f);
        if (f.sharesWithMunicipality() && f.sharingConsentDate() == null) {
            errors.add(new FieldError("sharingConsentDate", "市町村への情報提供に同意した日を入力してください"));
        }
        if (!f.sharesWithMunicipality() && f.sharingConsentDate() != null) {
            errors.add(new FieldError("sharingConsentDate", "同意していない場合は同意日を入力できません"));
        }
        future(errors, "sharingConsentDate", f.sharingConsentDate(), today);
        if (f.emailContactConsent() && !f.anyGuardianEmail()) {
            errors.add(new FieldError("emailContactConsent", "メールでの連絡に同意する場合は、保護者のメールアドレスを入力してください"));
        }
        return errors;
    }

    private void home(List<FieldError> errors, Facts f) {
        String prefecture = f.prefectureCode();
        if (prefecture == null || !prefecture.matches("\\d{2}") || Integer.parseInt(prefecture) < 1
                || Integer.parseInt(prefecture) > 47) {
            errors.add(new FieldError("prefectureCode", "都道府県コード（01〜47）を入力してください"));
            return;
        }
        if (KUMAMOTO.equals(prefecture)) {
            if (f.municipalityCode() == null || !isMunicipality.test(f.municipalityCode())) {
                errors.add(new FieldError("municipalityCode", "熊本県の45市町村のいずれかの市町村コードを入力してください"
                        + (f.municipalityCode() == null ? "" : "（" + f.municipalityCode() + " は該当しません）")));
            } else if (KUMAMOTO_CITY.equals(f.municipalityCode())) {
                if (f.wardCode() == null || !isWardOfKumamotoCity.test(f.wardCode())) {
                    errors.add(new FieldError("wardCode", "熊本市の場合は区コード（43101〜43105）を入力してください"));
                }
            } else if (f.wardCode() != null) {
                errors.add(new FieldError("wardCode", "区を入力できるのは熊本市だけです"));
            }
        } else {
            if (f.municipalityCode() != null) {
                errors.add(new FieldError("municipalityCode", "熊本県外の住所には市町村コードを入力しません"));
            }
            if (f.wardCode() != null) {
                errors.add(new FieldError("wardCode", "熊本県外の住所には区コードを入力しません"));
            }
        }
        if ((f.longitude() == null) != (f.latitude() == null)) {
            errors.add(new FieldError(f.longitude() == null ? "longitude" : "latitude", "経度と緯度は両方入力してください"));
            return;
        }
        if (f.longitude() == null) {
            return;
        }
        boolean kumamoto = KUMAMOTO.equals(prefecture);
        double minLon = kumamoto ? KUMAMOTO_MIN_LON : JAPAN_MIN_LON;
        double maxLon = kumamoto ? KUMAMOTO_MAX_LON : JAPAN_MAX_LON;
        double minLat = kumamoto ? KUMAMOTO_MIN_LAT : JAPAN_MIN_LAT;
        double maxLat = kumamoto ? KUMAMOTO_MAX_LAT : JAPAN_MAX_LAT;
        String where = kumamoto ? "熊本県内" : "日本国内";
        if (!(f.longitude() >= minLon && f.longitude() <= maxLon)) {
            errors.add(new FieldError("longitude", where + "の経度（" + minLon + "〜" + maxLon + "）を入力してください"));
        }
        if (!(f.latitude() >= minLat && f.latitude() <= maxLat)) {
            errors.add(new FieldError("latitude", where + "の緯度（" + minLat + "〜" + maxLat + "）を入力してください"));
        }
    }

    private static void future(List<FieldError> errors, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            errors.add(new FieldError(field, "未来の日付（" + JapaneseDates.withGregorian(date) + "）は入力できません"));
        }
    }
}
