package jp.inochi.devices;

import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.StateMachine;

import static jp.inochi.devices.DeviceState.*;

/**
 * A device's life: reserved for an approved loan application, lent at the handover, inspected when it comes back,
 * then available again or repaired; retired at the end, or written off when the family lost it. Reserve, lend,
 * receive and write-off happen through the loan only. A device that breaks mid-loan is swapped: it comes back to
 * inspection (and maybe repair) while another generator goes out on the same loan.
 */
public enum DeviceAction implements Labelled {
    RESERVE("貸与申請への割当"),
    RELEASE("割当の解除"),
    LEND("貸与（引渡し）"),
    RECEIVE_RETURN("返還の受領"),
    PASS_INSPECTION("点検合格"),
    SEND_TO_REPAIR("修理に出す"),
    FINISH_REPAIR("修理完了"),
    RETIRE("廃棄"),
    WRITE_OFF_LOST("紛失による除籍"),
    SWAP_OUT("貸与中の交換による回収"),
    SWAP_IN("貸与中の交換による貸与");

    public static final StateMachine<DeviceState, DeviceAction> LIFECYCLE =
            StateMachine.of("装置", DeviceState.class, DeviceAction.class)
                    .on(RESERVE, RESERVED, AVAILABLE)
                    .on(RELEASE, AVAILABLE, RESERVED)
                    .on(LEND, ON_LOAN, RESERVED)
                    .on(RECEIVE_RETURN, IN_INSPECTION, ON_LOAN)
                    .on(PASS_INSPECTION, AVAILABLE, IN_INSPECTION)
                    .on(SEND_TO_REPAIR, IN_REPAIR, IN_INSPECTION, AVAILABLE)
                    .on(FINISH_REPAIR, AVAILABLE, IN_REPAIR)
                    .on(RETIRE, RETIRED, AVAILABLE, IN_INSPECTION, IN_REPAIR)
                    .on(WRITE_OFF_LOST, RETIRED, ON_LOAN)
                    .on(SWAP_OUT, IN_INSPECTION, ON_LOAN)
                    .on(SWAP_IN, ON_LOAN, AVAILABLE)
                    .build();

    private final String label;

    /**
     * Steps staff take on the device itself; the others happen through a loan application or a loan. Passing the
     * inspection is one of them only for a device swapped out of a loan (a returned one passes through its loan).
     */
    public boolean isManual() {
        return this == SEND_TO_REPAIR || this == FINISH_REPAIR || this == RETIRE || this == PASS_INSPECTION;
    }

    DeviceAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
