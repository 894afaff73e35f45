package jp.inochi.loans;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.devices.DeviceRepair;
import jp.inochi.devices.DeviceRepairs;
import jp.inochi.devices.Devices;
import jp.inochi.loans.model.RemovedDeviceGoesTo;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The loan page's swap form (the devices it may take) and the repairs of devices taken back from this loan. */
@Singleton
final class LoanDeviceSection implements PageSection {
    private final LoanDeviceSwaps swaps;
    private final DeviceRepairs repairs;
    private final Devices devices;

    LoanDeviceSection(LoanDeviceSwaps swaps, DeviceRepairs repairs, Devices devices) {
        this.swaps = swaps;
        this.repairs = repairs;
        this.devices = devices;
    }

    record Choice(String value, String label) {
    }

    /** A repair with its device's serial number and the forms to finish it and to record its cost. */
    record RepairRow(DeviceRepair repair, String serialNumber, Form finishForm, Form costForm) {
    }

    @Override
    public String page() {
        return LOAN_PAGE;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, long loanId, Form form) {
        model.put("swapCandidates", swaps.candidates().stream().map(d -> new Choice(String.valueOf(d.id()),
                d.serialNumber() + "（" + d.manufacturer() + " " + d.model() + "・" + d.ratedOutputWatts() + "W）")).toList());
        model.put("removedGoesTo", Arrays.stream(RemovedDeviceGoesTo.values())
                .map(g -> new Choice(g.name(), g.label() + "へ")).toList());
        List<RepairRow> rows = repairs.ofLoan(loanId).stream().map(r -> {
            String finish = "repair-finish-" + r.id();
            String cost = "repair-cost-" + r.id();
            // both forms start from the recorded cost and liability, so saving one never drops them unseen
            String costYen = r.costYen() == null ? null : String.valueOf(r.costYen());
            return new RepairRow(r, devices.get(r.deviceId()).serialNumber(),
                    form.is(finish) ? form : Form.blank(finish, "costYen", costYen,
                            "familyLiable", String.valueOf(r.familyLiable()), "liabilityNote", r.liabilityNote()),
                    form.is(cost) ? form : Form.blank(cost, "costYen", costYen,
                            "familyLiable", String.valueOf(r.familyLiable()), "liabilityNote", r.liabilityNote(),
                            "version", String.valueOf(r.version())));
        }).toList();
        model.put("repairs", rows);
    }
}
