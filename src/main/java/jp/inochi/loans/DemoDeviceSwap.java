package jp.inochi.loans;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;
import jp.inochi.devices.DeviceRepair;
import jp.inochi.devices.DeviceRepairs;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.model.RemovedDeviceGoesTo;

/**
 * A demo loan whose generator failed its test run: swapped for an available sine-wave one, the old one repaired and its
 * cost recorded, all through the real services, so the loan and device pages show a repair history.
 */
@Singleton
final class DemoDeviceSwap {
    private final LoanDeviceSwaps swaps;
    private final DeviceRepairs repairs;

    DemoDeviceSwap(LoanDeviceSwaps swaps, DeviceRepairs repairs) {
        this.swaps = swaps;
        this.repairs = repairs;
    }

    /** Swaps to {@code spare}; {@code swap} holds days_ago, reason, repaired_days_ago, repair and cost_yen (loans.json). */
    void walk(Actor staff, long loanId, long spare, Map<String, Object> swap, LocalDate start, LocalDate today) {
        LocalDate swappedOn = latest(today.minusDays(number(swap, "days_ago")), start);
        Loan loan = swaps.swap(staff, loanId, new LoanDeviceSwaps.DeviceSwap(spare, swappedOn,
                RemovedDeviceGoesTo.IN_REPAIR, String.valueOf(swap.get("reason")), null));
        DeviceRepair repair = repairs.ofLoan(loan.id()).get(0);
        LocalDate repairedOn = latest(today.minusDays(number(swap, "repaired_days_ago")), swappedOn);
        repairs.finish(staff, repair.deviceId(), new DeviceRepairs.RepairDone(String.valueOf(swap.get("repair")),
                repairedOn, (int) number(swap, "cost_yen"), false, null));
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
