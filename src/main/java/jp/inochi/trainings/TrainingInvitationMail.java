package jp.inochi.trainings;

import jakarta.inject.Singleton;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.OutboxMessage;

/** The invitation to a training session, queued when staff confirm it. */
@Singleton
class TrainingInvitationMail implements MessageKind<Void> {
    static final String KIND = "training.invitation";

    private final TrainingMail mail;

    TrainingInvitationMail(TrainingMail mail) {
        this.mail = mail;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "研修会のご案内";
    }

    @Override
    public Composition<Void> compose(OutboxMessage message) {
        return mail.compose(message, false);
    }
}
