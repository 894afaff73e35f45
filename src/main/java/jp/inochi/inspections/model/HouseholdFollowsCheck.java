package jp.inochi.inspections.model;

import java.util.ArrayList;
import java.util.List;

/**
 * 貸与の条件に合致しているかどうかを確認 (seed 000, line 541): what a check finds about the family is a fact of the
 * household, so municipal and disaster lists stop showing the old one; recorded before the return opens.
 */
public final class HouseholdFollowsCheck {

    /** A household fact a check can contradict. */
    public enum Finding {
        /** 人工呼吸器からの離脱 (line 563): the household is marked as no longer on a ventilator. */
        OFF_VENTILATOR,
        /** 熊本県外へ引越す (line 562): noted in the household's timeline; the new address comes from the family. */
        OUT_OF_PREFECTURE,
        /** 在宅 (line 486): the child lives in a hospital or facility now; the household is marked not at home. */
        NOT_AT_HOME
    }

    private HouseholdFollowsCheck() {
    }

    /** The findings that change what the household says now, the child's home included. */
    public static List<Finding> findings(InspectionChecklist checklist, boolean childFoundAtHome,
                                         boolean householdSaysVentilatorDependent, boolean householdSaysInPrefecture,
                                         boolean householdSaysAtHome) {
        List<Finding> findings = new ArrayList<>(findings(checklist, householdSaysVentilatorDependent,
                householdSaysInPrefecture));
        if (!childFoundAtHome && householdSaysAtHome) {
            findings.add(Finding.NOT_AT_HOME);
        }
        return findings;
    }

    /** The findings that change what the household says now. */
    public static List<Finding> findings(InspectionChecklist checklist, boolean householdSaysVentilatorDependent,
                                         boolean householdSaysInPrefecture) {
        List<Finding> findings = new ArrayList<>();
        if (!checklist.childUsesVentilatorAroundClock() && householdSaysVentilatorDependent) {
            findings.add(Finding.OFF_VENTILATOR);
        }
        if (!checklist.familyLivesInPrefecture() && householdSaysInPrefecture) {
            findings.add(Finding.OUT_OF_PREFECTURE);
        }
        return findings;
    }
}
