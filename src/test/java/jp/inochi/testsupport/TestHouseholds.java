package jp.inochi.testsupport;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.households.Guardian;
import jp.inochi.households.GuardianRepository;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;

/** Saves plausible households straight into the real table, for tests that need one to exist. */
@Singleton
public class TestHouseholds {
    private final HouseholdRepository households;
    private final GuardianRepository guardians;

    TestHouseholds(HouseholdRepository households, GuardianRepository guardians) {
        this.households = households;
        this.guardians = guardians;
    }

    /** Adds the main contact (position 1) with this email address to the household. */
    public Household withGuardian(Household household, String email) {
        guardians.save(new Guardian(null, household.id(), 1, "熊本 美咲", "クマモト ミサキ", "母", email, "090-1234-5678"));
        return household;
    }

    /** A ventilator-dependent child at home in the municipality, at the given point. */
    public Household living(String municipalityCode, boolean sharesWithMunicipality, double longitude, double latitude) {
        return living(municipalityCode, sharesWithMunicipality, longitude, latitude, true);
    }

    /** A child at home in the municipality, at the given point, on a ventilator or not. */
    public Household living(String municipalityCode, boolean sharesWithMunicipality, double longitude, double latitude,
                            boolean ventilatorDependent) {
        Instant now = Instant.now();
        return households.save(new Household(null, "熊本", "ひかり", "クマモト", "ヒカリ",
                LocalDate.of(2025, 3, 1), "熊本大学病院", true, LocalDate.of(2025, 6, 1), ventilatorDependent,
                new BigDecimal("24.0"), 10, null, "860-0000", "熊本県テスト市1-1", "43", municipalityCode,
                municipalityCode.equals("43100") ? "43101" : null, longitude, latitude,
                sharesWithMunicipality, sharesWithMunicipality ? LocalDate.of(2025, 7, 1) : null, true,
                new BigDecimal("6.0"), 1, new BigDecimal("4.0"), now, now, null));
    }

    public Household living(String municipalityCode, boolean sharesWithMunicipality) {
        return living(municipalityCode, sharesWithMunicipality, 130.7417, 32.7898);
    }
}
