package jp.inochi.households;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.inochi.households.Guardian;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdForm;
import jp.inochi.web.Form;

/** The household form on screen ↔ the households feature's {@link HouseholdForm}. */
final class HouseholdForms {
    /** Rows for guardians on the form (the service takes up to 5; two cover the families we serve). */
    static final int GUARDIAN_ROWS = 2;
    private static final String[] GUARDIAN_FIELDS = {"name", "nameKana", "relationship", "email", "phone"};

    private HouseholdForms() {
    }

    /** What the person typed, read into the service's form; unreadable fields are already errors on {@code form}. */
    static HouseholdForm read(Form form) {
        List<HouseholdForm.GuardianForm> guardians = new ArrayList<>();
        for (int i = 0; i < GUARDIAN_ROWS; i++) {
            String prefix = "guardians[" + i + "].";
            boolean any = false;
            for (String field : GUARDIAN_FIELDS) {
                any |= form.text(prefix + field) != null;
            }
            if (any || i == 0) {
                guardians.add(new HouseholdForm.GuardianForm(form.text(prefix + "name"), form.text(prefix + "nameKana"),
                        form.text(prefix + "relationship"), form.text(prefix + "email"), form.text(prefix + "phone")));
            }
        }
        String prefecture = form.text("prefectureCode");
        boolean kumamoto = "43".equals(prefecture);
        return new HouseholdForm(form.text("childFamilyName"), form.text("childGivenName"),
                form.text("childFamilyNameKana"), form.text("childGivenNameKana"), form.date("childBirthDate"),
                form.text("nicuInstitution"), form.yesNo("nicuInKumamoto"), form.date("nicuDischargeDate"),
                form.yesNo("ventilatorDependent"), form.decimal("ventilatorHoursPerDay"),
                form.integer("ventilatorOffMinutesPerDay"), form.text("otherCare"), form.text("postalCode"),
                form.text("address"), prefecture, kumamoto ? form.text("municipalityCode") : null,
                kumamoto && "43100".equals(form.text("municipalityCode")) ? form.text("wardCode") : null,
                form.coordinate("longitude"), form.coordinate("latitude"), form.yesNo("sharesWithMunicipality"),
                form.date("sharingConsentDate"), form.yesNo("emailContactConsent"),
                form.text("consentAgreedBy"), form.text("consentOrdinanceNote"),
                form.decimal("ventilatorBatteryHours"), form.integer("spareBatteryCount"),
                form.decimal("spareBatteryHoursEach"), form.yesNo("livesAtHome"), guardians, form.version());
    }

    /** The household as the form shows it for a correction. */
    static Form of(String name, Household h, boolean livesAtHome, List<Guardian> guardians) {
        // Arrays.asList, not List.of: a household's optional fields (ward, other care, dates) are null
        List<String> values = new ArrayList<>(Arrays.asList(
                "childFamilyName", h.childFamilyName(), "childGivenName", h.childGivenName(),
                "childFamilyNameKana", h.childFamilyNameKana(), "childGivenNameKana", h.childGivenNameKana(),
                "childBirthDate", text(h.childBirthDate()), "nicuInstitution", h.nicuInstitution(),
                "nicuInKumamoto", String.valueOf(h.nicuInKumamoto()), "nicuDischargeDate", text(h.nicuDischargeDate()),
                "ventilatorDependent", String.valueOf(h.ventilatorDependent()),
                "ventilatorHoursPerDay", text(h.ventilatorHoursPerDay()),
                "ventilatorOffMinutesPerDay", text(h.ventilatorOffMinutesPerDay()), "otherCare", text(h.otherCare()),
                "postalCode", text(h.postalCode()), "address", h.address(), "prefectureCode", h.prefectureCode(),
                "municipalityCode", text(h.municipalityCode()), "wardCode", text(h.wardCode()),
                "longitude", text(h.longitude()), "latitude", text(h.latitude()),
                "sharesWithMunicipality", String.valueOf(h.sharesWithMunicipality()),
                "sharingConsentDate", text(h.sharingConsentDate()),
                "emailContactConsent", String.valueOf(h.emailContactConsent()),
                "ventilatorBatteryHours", text(h.ventilatorBatteryHours()),
                "spareBatteryCount", String.valueOf(h.spareBatteryCount()),
                "spareBatteryHoursEach", text(h.spareBatteryHoursEach()), "livesAtHome", String.valueOf(livesAtHome),
                "version", text(h.version())));
        for (int i = 0; i < guardians.size() && i < GUARDIAN_ROWS; i++) {
            Guardian g = guardians.get(i);
            String prefix = "guardians[" + i + "].";
            values.addAll(Arrays.asList(prefix + "name", g.name(), prefix + "nameKana", text(g.nameKana()),
                    prefix + "relationship", text(g.relationship()), prefix + "email", text(g.email()),
                    prefix + "phone", text(g.phone())));
        }
        return Form.blank(name, values.toArray(String[]::new));
    }

    /** The household unchanged but for the home's point: what the pin-drop form sends to the service. */
    static HouseholdForm withLocation(Household h, List<Guardian> guardians, Double longitude, Double latitude,
                                      Long version) {
        return new HouseholdForm(h.childFamilyName(), h.childGivenName(), h.childFamilyNameKana(), h.childGivenNameKana(),
                h.childBirthDate(), h.nicuInstitution(), h.nicuInKumamoto(), h.nicuDischargeDate(), h.ventilatorDependent(),
                h.ventilatorHoursPerDay(), h.ventilatorOffMinutesPerDay(), h.otherCare(), h.postalCode(), h.address(),
                h.prefectureCode(), h.municipalityCode(), h.wardCode(), longitude, latitude, h.sharesWithMunicipality(),
                h.sharingConsentDate(), h.emailContactConsent(), null, null, h.ventilatorBatteryHours(), h.spareBatteryCount(),
                h.spareBatteryHoursEach(), null, guardians.stream().map(g -> new HouseholdForm.GuardianForm(g.name(),
                        g.nameKana(), g.relationship(), g.email(), g.phone())).toList(), version);
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : String.valueOf(value);
    }
}
