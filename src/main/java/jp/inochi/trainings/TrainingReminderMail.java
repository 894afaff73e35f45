package jp.inochi.trainings;

import jakarta.inject.Singleton;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.OutboxMessage;

/** The reminder of a training session, queued with the invitation to go out N days before (schedules/trainings.yml). */
@Singleton
class TrainingReminderMail implements MessageKind<Void> {
    static final String KIND = "training.reminder";

    private final TrainingMail mail;

    TrainingReminderMail(TrainingMail mail) {
        this.mail = mail;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "研修会のリマインド";
    }

    @Override
    public Composition<Void> compose(OutboxMessage message) {
        return mail.compose(message, true);
    }
}
