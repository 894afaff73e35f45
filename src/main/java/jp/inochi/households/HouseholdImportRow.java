package jp.inochi.households;

import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.tables.RowReading;
import jp.inochi.platform.tables.TableHeader;
import jp.inochi.platform.tables.TableRow;

import static jp.inochi.households.HouseholdImportColumns.*;

/** One row of the household list read into the households feature's own {@link HouseholdForm}. */
record HouseholdImportRow(Long number, HouseholdForm form, RowReading reading) {

    static HouseholdImportRow read(TableRow row, TableHeader header) {
        RowReading r = new RowReading(row, header);
        Long number = null;
        Integer typed = r.integer(NUMBER);
        if (typed != null) {
            number = typed.longValue();
        }
        String prefecture = r.text(PREFECTURE);
        if (prefecture != null && prefecture.matches("\\d")) {
            prefecture = "0" + prefecture;
        }
        List<HouseholdForm.GuardianForm> guardians = new ArrayList<>();
        guardians.add(new HouseholdForm.GuardianForm(r.text(GUARDIAN), r.text(GUARDIAN_KANA), r.text(RELATIONSHIP),
                r.text(EMAIL), r.text(PHONE)));
        HouseholdForm form = new HouseholdForm(r.text(FAMILY_NAME), r.text(GIVEN_NAME), r.text(FAMILY_KANA),
                r.text(GIVEN_KANA), r.date(BIRTH_DATE), r.text(NICU), r.yesNo(NICU_IN_KUMAMOTO), r.date(DISCHARGE),
                r.yesNo(VENTILATOR), r.decimal(HOURS), r.integer(OFF_MINUTES), r.text(OTHER_CARE), r.text(POSTAL),
                r.text(ADDRESS), prefecture, r.text(MUNICIPALITY), r.text(WARD), r.coordinate(LONGITUDE),
                r.coordinate(LATITUDE), r.yesNo(SHARES), r.date(SHARING_DATE), r.yesNo(EMAIL_CONSENT), null, null, r.decimal(BATTERY),
                r.integer(SPARE_COUNT), r.decimal(SPARE_HOURS), null, guardians, null);
        return new HouseholdImportRow(number, form, r);
    }

    /** The same row as a correction of this household: its version, and its other guardians kept. */
    HouseholdForm asCorrectionOf(Household current, List<Guardian> guardians) {
        List<HouseholdForm.GuardianForm> all = new ArrayList<>(form.guardians());
        guardians.stream().skip(1).map(g -> new HouseholdForm.GuardianForm(g.name(), g.nameKana(), g.relationship(),
                g.email(), g.phone())).forEach(all::add);
        HouseholdForm f = form;
        return new HouseholdForm(f.childFamilyName(), f.childGivenName(), f.childFamilyNameKana(), f.childGivenNameKana(),
                f.childBirthDate(), f.nicuInstitution(), f.nicuInKumamoto(), f.nicuDischargeDate(), f.ventilatorDependent(),
                f.ventilatorHoursPerDay(), f.ventilatorOffMinutesPerDay(), f.otherCare(), f.postalCode(), f.address(),
                f.prefectureCode(), f.municipalityCode(), f.wardCode(), f.longitude(), f.latitude(),
                f.sharesWithMunicipality(), f.sharingConsentDate(), f.emailContactConsent(), f.consentAgreedBy(),
                f.consentOrdinanceNote(), f.ventilatorBatteryHours(),
                f.spareBatteryCount(), f.spareBatteryHoursEach(), null, all.subList(0, Math.min(all.size(), 5)), current.version());
    }

    String childName() {
        return (form.childFamilyName() == null ? "" : form.childFamilyName()) + " "
                + (form.childGivenName() == null ? "" : form.childGivenName());
    }
}
