package jp.inochi.evacuationplans.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A child's 個別避難計画 (災害対策基本法 49条の14): who helps, where to per hazard, how, power, water and supplies,
 * contacts and the consent to share it — いつ・どこに・だれと・どのように. Any field may be empty while it is drafted.
 */
public record EvacuationPlan(Person person, List<Supporter> supporters, List<Destination> destinations,
                             Transport transport, Power power, Supplies supplies, Contacts contacts,
                             SharingConsent sharing) {

    public EvacuationPlan {
        person = person == null ? Person.EMPTY : person;
        supporters = listOf(supporters);
        destinations = listOf(destinations);
        transport = transport == null ? Transport.EMPTY : transport;
        power = power == null ? Power.EMPTY : power;
        supplies = supplies == null ? Supplies.EMPTY : supplies;
        contacts = contacts == null ? Contacts.EMPTY : contacts;
        sharing = sharing == null ? SharingConsent.EMPTY : sharing;
    }

    /** 1. The person: what the family agreed to put in the plan (care needs in plain words). */
    public record Person(String name, String nameKana, LocalDate birthDate, String address, List<String> phones,
                         String careNeeds) {
        static final Person EMPTY = new Person(null, null, null, null, List.of(), null);

        public Person {
            phones = listOf(phones);
        }
    }

    /** 2. 避難支援等実施者: who helps, when they can, and whether they agreed. */
    public record Supporter(String name, SupporterRelation relation, String phone, String role, boolean daytime,
                            boolean night, boolean weekends, boolean agreed) {
    }

    /** 3. Where to, per hazard, and when to leave (e.g. 高齢者等避難 / 警戒レベル3). */
    public record Destination(PlanHazard hazard, DestinationKind kind, Long shelterId, String place,
                              Long distanceM, String whenToLeave) {
    }

    /** 4. How: transport, what to take, the route's straight-line distance and who drives. */
    public record Transport(TransportKind kind, List<String> equipment, Long routeDistanceM, String driver) {
        static final Transport EMPTY = new Transport(null, List.of(), null, null);

        public Transport {
            equipment = listOf(equipment);
        }
    }

    /** 5. Power: each device's draw, the loaned generator and its fuel, the autonomy, where to charge, what then. */
    public record Power(List<MedicalDevice> devices, String generator, BigDecimal fuelLitres, BigDecimal autonomyHours,
                        List<String> chargingPlaces, String whenItRunsOut) {
        static final Power EMPTY = new Power(List.of(), null, null, null, List.of(), null);

        public Power {
            devices = listOf(devices);
            chargingPlaces = listOf(chargingPlaces);
        }
    }

    public record MedicalDevice(MedicalDeviceKind kind, String name, Integer watts, BigDecimal batteryHours) {
    }

    /** 6. Water and supplies for water outages too (seed 002, line 9016). */
    public record Supplies(BigDecimal waterLitresPerDay, String medicines, String consumables, Integer days) {
        static final Supplies EMPTY = new Supplies(null, null, null, null);
    }

    /** 7. Contacts: 主治医 and hospital, visiting-nurse station, the device supplier's 24-hour line, the coordinator. */
    public record Contacts(String doctor, String hospital, String hospitalPhone, String visitingNurse,
                           String visitingNursePhone, String supplierLine, String coordinator, String coordinatorPhone) {
        static final Contacts EMPTY = new Contacts(null, null, null, null, null, null, null, null);
    }

    /** 8. Sharing consent: with whom, when and who agreed, and the municipality's ordinance note (line 544). */
    public record SharingConsent(List<ShareWith> with, LocalDate agreedOn, String agreedBy, String ordinanceNote) {
        static final SharingConsent EMPTY = new SharingConsent(List.of(), null, null, null);

        public SharingConsent {
            with = listOf(with);
        }
    }

    /** A list left out of the JSON (an empty one is not written) is empty, and a null item is no item. */
    private static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }
}
