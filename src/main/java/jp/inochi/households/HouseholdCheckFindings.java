package jp.inochi.households;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;

/**
 * A yearly check's findings written to the household (seed 000, line 541), with the check as their source in the
 * household's timeline and the audit log. Called inside the caller's transaction.
 */
@Singleton
public class HouseholdCheckFindings {
    /** How a finding names its check in the event's detail. */
    static final String SOURCE = "source=inspection:";

    private final HouseholdFactsRepository facts;
    private final LifecycleLog log;

    HouseholdCheckFindings(HouseholdFactsRepository facts, LifecycleLog log) {
        this.facts = facts;
        this.log = log;
    }

    /** 在宅 as the household says it now (line 486). */
    public boolean livesAtHome(long householdId) {
        return facts.findLivesAtHome(householdId).orElse(true);
    }

    /** The child was found off the ventilator (line 563): the household says so from now on. */
    public void offVentilator(Actor actor, long householdId, long loanId, long inspectionId, LocalDate on) {
        facts.updateWeanedOffVentilator(householdId);
        log.record(actor, new Step(SubjectType.HOUSEHOLD, householdId, householdId, loanId, "weaned-off-ventilator",
                null, null, source(inspectionId), SOURCE + inspectionId, on));
    }

    /** The child was found in a hospital or facility, not at home (在宅, line 486): the household says so from now on. */
    public void notAtHome(Actor actor, long householdId, long loanId, long inspectionId, LocalDate on) {
        facts.updateLivesAtHome(householdId, false);
        log.record(actor, new Step(SubjectType.HOUSEHOLD, householdId, householdId, loanId, "found-not-at-home",
                null, null, source(inspectionId) + "（病院・施設で生活）", SOURCE + inspectionId, on));
    }

    /** The family was found outside the prefecture (line 562): noted until the family gives the new address. */
    public void outOfPrefecture(Actor actor, long householdId, long loanId, long inspectionId, LocalDate on) {
        log.record(actor, new Step(SubjectType.HOUSEHOLD, householdId, householdId, loanId, "moved-out-of-prefecture",
                null, null, source(inspectionId) + "。新しい住所をご家族に確認してください",
                SOURCE + inspectionId, on));
    }

    private static String source(long inspectionId) {
        return "年次確認 第" + inspectionId + "号で確認";
    }
}
