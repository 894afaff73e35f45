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
    private final HouseholdFactsRepository facts;
    private final LifecycleLog log;

    HouseholdCheckFindings(HouseholdFactsRepository facts, LifecycleLog log) {
        this.facts = facts;
        this.log = log;
    }

    /** The child was found off the ventilator (line 563): the household says so from now on. */
    public void offVentilator(Actor actor, long householdId, long loanId, long inspectionId, LocalDate on) {
        facts.updateWeanedOffVentilator(householdId);
        log.record(actor, new Step(SubjectType.HOUSEHOLD, householdId, householdId, loanId, "weaned-off-ventilator",
                null, null, source(inspectionId), "source=inspection:" + inspectionId, on));
    }

    /** The family was found outside the prefecture (line 562): noted until the family gives the new address. */
    public void outOfPrefecture(Actor actor, long householdId, long loanId, long inspectionId, LocalDate on) {
        log.record(actor, new Step(SubjectType.HOUSEHOLD, householdId, householdId, loanId, "moved-out-of-prefecture",
                null, null, source(inspectionId) + "。新しい住所をご家族に確認してください",
                "source=inspection:" + inspectionId, on));
    }

    private static String source(long inspectionId) {
        return "年次確認 第" + inspectionId + "号で確認";
    }
}
