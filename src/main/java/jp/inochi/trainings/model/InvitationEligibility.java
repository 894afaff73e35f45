package jp.inochi.trainings.model;

/**
 * Who may be invited to a training session: the families with a loan (貸与中、返還手続中) or an application in progress
 * (事業利用申請・貸与申請の審査中、承認後の引渡し前), seed 000 line 579 「貸与を受けられた方（申請中の方も含まれます）」.
 * The chooser's SQL ({@code TrainingCandidates.ELIGIBLE}) asks the same question of the database.
 */
public final class InvitationEligibility {
    private InvitationEligibility() {
    }

    /** What the center knows of a family when inviting it. */
    public record Family(boolean hasLoan, boolean hasApplicationInProgress) {
    }

    public static boolean canBeInvited(Family family) {
        return family.hasLoan() || family.hasApplicationInProgress();
    }

    public static final String NOT_ELIGIBLE = "研修会に招待できるのは、貸与中または申請中の世帯だけです";
}
