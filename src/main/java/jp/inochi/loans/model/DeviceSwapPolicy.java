package jp.inochi.loans.model;

import java.util.Optional;

/**
 * 正弦波インバーター発電機 (seed 000, line 521): a device swapped in mid-loan must be one the center may lend now, a
 * sine-wave generator that is available, and not the one already out. A refusal says why, in Japanese.
 */
public final class DeviceSwapPolicy {

    /** What the replacement is, as far as the rule needs it. */
    public record Replacement(String serialNumber, boolean sineWave, boolean available, String stateLabel,
                              boolean alreadyOnThisLoan) {
    }

    private DeviceSwapPolicy() {
    }

    public static Optional<String> refusal(Replacement replacement) {
        String device = "装置「" + replacement.serialNumber() + "」";
        if (replacement.alreadyOnThisLoan()) {
            return Optional.of(device + "はこの貸与で貸し出している装置です。交換先には別の装置を選んでください");
        }
        if (!replacement.sineWave()) {
            return Optional.of(device + "は正弦波インバーター発電機ではないため、人工呼吸器に使えず交換先にできません");
        }
        if (!replacement.available()) {
            return Optional.of(device + "は「" + replacement.stateLabel() + "」のため、交換先にできません。貸出可能な装置を選んでください");
        }
        return Optional.empty();
    }
}
