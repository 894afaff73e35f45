package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.AccessBasis;

/**
 * A household as the API shows it. {@code disclosure} FULL (center staff) carries everything; MINIMUM (municipal
 * officers) only what evacuation planning needs — name, address, care type, plan status, contacts — and never the
 * clinical detail (NICU, discharge, ventilator hours, batteries): those parts are null.
 */
@Serdeable
public record HouseholdView(
        long id,
        Disclosure disclosure,
        AccessBasis basis,
        String childFamilyName,
        String childGivenName,
        String childFamilyNameKana,
        String childGivenNameKana,
        String careType,
        Home home,
        List<Contact> guardians,
        @Nullable EvacuationPlan evacuationPlan,
        @Nullable Clinical clinical,
        @Nullable Consents consents,
        @Nullable Long version) {

    public enum Disclosure {
        FULL, MINIMUM
    }

    @Serdeable
    public record Home(@Nullable String postalCode, String address, String prefectureCode,
                       @Nullable String municipalityCode, @Nullable String wardCode,
                       @Nullable Double longitude, @Nullable Double latitude) {
    }

    @Serdeable
    public record Contact(String name, @Nullable String nameKana, @Nullable String relationship,
                          @Nullable String email, @Nullable String phone) {
    }

    @Serdeable
    public record EvacuationPlan(long loanId, String status, LocalDate deadline) {
    }

    /** 要配慮個人情報 beyond what a municipality needs: center staff only. */
    @Serdeable
    public record Clinical(LocalDate childBirthDate, String nicuInstitution, boolean nicuInKumamoto,
                           @Nullable LocalDate nicuDischargeDate, boolean ventilatorDependent,
                           @Nullable BigDecimal ventilatorHoursPerDay, @Nullable Integer ventilatorOffMinutesPerDay,
                           @Nullable String otherCare, @Nullable BigDecimal ventilatorBatteryHours,
                           int spareBatteryCount, @Nullable BigDecimal spareBatteryHoursEach, boolean livesAtHome) {
    }

    @Serdeable
    public record Consents(boolean sharesWithMunicipality, @Nullable LocalDate sharingConsentDate,
                           boolean emailContactConsent) {
    }

    public static String careType(Household h) {
        return h.ventilatorDependent() ? "人工呼吸器（常時装着）" : "人工呼吸器（離脱済み）";
    }

    public static HouseholdView of(Household h, List<Guardian> guardians, AccessBasis basis,
                                   @Nullable PlanStatusRow plan, boolean livesAtHome) {
        boolean full = basis == AccessBasis.CENTER;
        return new HouseholdView(h.id(), full ? Disclosure.FULL : Disclosure.MINIMUM, basis,
                h.childFamilyName(), h.childGivenName(), h.childFamilyNameKana(), h.childGivenNameKana(), careType(h),
                new Home(h.postalCode(), h.address(), h.prefectureCode(), h.municipalityCode(), h.wardCode(),
                        h.longitude(), h.latitude()),
                guardians.stream().map(g -> new Contact(g.name(), g.nameKana(), g.relationship(), g.email(), g.phone()))
                        .toList(),
                plan == null ? null : new EvacuationPlan(plan.loanId(), plan.planStatus(), plan.planDeadline()),
                full ? new Clinical(h.childBirthDate(), h.nicuInstitution(), h.nicuInKumamoto(), h.nicuDischargeDate(),
                        h.ventilatorDependent(), h.ventilatorHoursPerDay(), h.ventilatorOffMinutesPerDay(), h.otherCare(),
                        h.ventilatorBatteryHours(), h.spareBatteryCount(), h.spareBatteryHoursEach(), livesAtHome) : null,
                full ? new Consents(h.sharesWithMunicipality(), h.sharingConsentDate(), h.emailContactConsent()) : null,
                full ? h.version() : null);
    }
}
