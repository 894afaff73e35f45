package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.inochi.access.AccessBasis;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.EventType;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.atrisk.AtRiskHousehold;
import jp.inochi.atrisk.AtRiskList;

/**
 * What the disaster-day API shows. A household row carries only what a municipal disaster office may see
 * ({@code MinimumDisclosure.MUNICIPAL_VIEW}: name, address, care type, hazard, plan status, contacts, batteries); the
 * clinical detail that orders the list (ventilator hours a day, other care) is in {@code clinical}, for the center only.
 */
public final class EventViews {
    private EventViews() {
    }

    @Serdeable
    public record Named(String code, String name) {
    }

    @Serdeable
    public record Event(long id, String name, EventType eventType, String eventTypeLabel, EventState state,
                        String stateLabel, AreaKind areaKind, String areaKindLabel, String areaDescription,
                        @Nullable List<String> areaCodes, @Nullable Long areaLayerId, @Nullable Integer areaMinSeverity,
                        @Nullable String areaSource, List<Named> municipalities, Instant startsAt, String startsAtLabel,
                        @Nullable Instant outageStartedAt, @Nullable String outageStartedAtLabel,
                        @Nullable Instant expectedRestorationAt, @Nullable String expectedRestorationAtLabel,
                        List<Restoration> restorationByMunicipality, @Nullable String note,
                        @Nullable Long declarationId, long householdCount, @Nullable Instant closedAt,
                        @Nullable String closeReason, List<String> allowedActions, @Nullable Long version) {
    }

    @Serdeable
    public record Restoration(String municipalityCode, String municipalityName, Instant expectedAt, String expectedAtLabel) {
    }

    @Serdeable
    public record Contact(String name, @Nullable String relationship, @Nullable String phone, @Nullable String email) {
    }

    @Serdeable
    public record Coordinator(long id, String name, @Nullable String organisation, @Nullable String phone,
                              @Nullable String email, boolean assignedToHousehold) {
    }

    /** A shelter within reach of the home: distance in metres and as read out (「2.3km」). */
    @Serdeable
    public record Shelter(long id, String name, @Nullable String address, @Nullable String municipalityCode,
                          boolean welfareCandidate, String kindLabel, long distanceM, String distanceLabel) {
    }

    @Serdeable
    public record Hazard(String hazardType, String hazardLabel, int severity, String label, double relativeSeverity) {
    }

    @Serdeable
    public record Flag(String code, String label) {
    }

    /**
     * The power autonomy of a family (hours), what is left now, and its flags; {@code badges} are what the pages show
     * (no power information, and a shortfall only where the power falls short of {@code thresholdHours}).
     */
    @Serdeable
    public record Power(BigDecimal totalHours, BigDecimal remainingHours, BigDecimal batteryHours,
                        BigDecimal spareBatteryHours, BigDecimal generatorHours, BigDecimal otherHours,
                        @Nullable LocalDate fuelRecordedOn, List<String> unknowns, List<Flag> flags,
                        @Nullable Double expectedOutageHours, @Nullable Instant expectedRestorationAt,
                        @Nullable String expectedRestorationAtLabel, BigDecimal thresholdHours, List<Flag> badges) {
    }

    /** Where the safety check stands for the family. */
    @Serdeable
    public record Safety(SafetyStatus status, String statusLabel, String colour, String email, String emailLabel,
                         @Nullable Instant replyDueAt, @Nullable String reply, @Nullable String replyLabel,
                         @Nullable String replyDetail, @Nullable Instant repliedAt, @Nullable String repliedAtLabel,
                         @Nullable String replyMethod, int attempts, @Nullable String lastAttempt,
                         @Nullable String lastAttemptLabel, @Nullable Instant lastAttemptAt) {
    }

    /** For the center only: the clinical detail that puts one ventilator household before another. */
    @Serdeable
    public record Clinical(@Nullable BigDecimal ventilatorHoursPerDay, @Nullable String otherCare) {
    }

    @Serdeable
    public record Row(int rank, long householdId, AccessBasis basis, String group, String groupLabel, String childName,
                      String childNameKana, String address, @Nullable String municipalityCode,
                      @Nullable String municipalityName, @Nullable String wardCode, @Nullable Double longitude,
                      @Nullable Double latitude, boolean ventilatorDependent, String careType, @Nullable Clinical clinical,
                      Power power, @Nullable Hazard hazard, String includedBecause,
                      AtRiskHousehold.EvacuationPlan evacuationPlanStatus, List<Contact> guardians,
                      @Nullable Coordinator coordinator, List<Shelter> shelters, Safety safety,
                      @Nullable String shelterNote) {
    }

    /** The call list (or the unreached list): the event, when it was made, the notice and the data credits. */
    @Serdeable
    public record CallList(Event event, String list, Instant generatedAt, String generatedAtLabel, String order,
                           String notice, int count, List<Row> households, List<AtRiskList.Credit> credits) {
    }

    @Serdeable
    public record StatusCount(SafetyStatus status, String label, String colour, long count) {
    }

    @Serdeable
    public record MunicipalityCounts(String code, String name, long total, long ventilator, Map<String, Long> byStatus) {
    }

    @Serdeable
    public record Dashboard(Event event, Instant generatedAt, String generatedAtLabel, long total, long ventilator,
                            long under72Hours, long underExpectedOutage, List<StatusCount> byStatus,
                            List<MunicipalityCounts> byMunicipality, @Nullable SafetyChecks.Campaign campaign) {
    }

    /** One contact in the record of an event. */
    @Serdeable
    public record RecordContact(Instant contactedAt, String contactedAtLabel, String method, String methodLabel,
                                String outcome, String outcomeLabel, @Nullable String reply, @Nullable String replyLabel,
                                @Nullable String detail, String recordedBy) {
    }

    @Serdeable
    public record RecordHousehold(long householdId, String childName, @Nullable String municipalityCode,
                                  @Nullable String municipalityName, boolean ventilatorDependent, String includedBecause,
                                  SafetyStatus finalStatus, String finalStatusLabel, String email, String emailLabel,
                                  @Nullable Instant emailSentAt, @Nullable Instant firstReachedAt,
                                  @Nullable String firstReachedBy, List<RecordContact> contacts) {
    }

    /** Who was reached, when and how: the record of an event, for after it. */
    @Serdeable
    public record Record(Event event, Instant generatedAt, String generatedAtLabel, int count,
                         List<RecordHousehold> households) {
    }

    /** 令和8年9月1日（2026年9月1日） 14:05, in Japan time. */
    public static String label(@Nullable Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, JapanTime.ZONE);
        return JapaneseDates.withGregorian(local.toLocalDate()) + String.format(" %02d:%02d", local.getHour(),
                local.getMinute());
    }
}
