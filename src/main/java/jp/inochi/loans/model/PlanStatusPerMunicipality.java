package jp.inochi.loans.model;

/**
 * お住いの市町村へ個別避難計画の作成を申請 (seed 000, line 540): the plan is the municipality's, so a move to another
 * municipality in the prefecture starts its own status; a move between wards of 熊本市 keeps it, and a move out of
 * the prefecture ends the loan instead (line 562).
 */
public final class PlanStatusPerMunicipality {

    private PlanStatusPerMunicipality() {
    }

    public static boolean startsAnew(String planMunicipalityCode, String householdMunicipalityCode) {
        return planMunicipalityCode != null && householdMunicipalityCode != null
                && !planMunicipalityCode.equals(householdMunicipalityCode);
    }
}
