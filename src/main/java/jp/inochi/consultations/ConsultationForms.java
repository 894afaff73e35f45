package jp.inochi.consultations;

import jp.inochi.web.Form;

/** A stored consultation as the form shows it for correction. */
final class ConsultationForms {
    private ConsultationForms() {
    }

    static Form of(Consultation c) {
        return Form.blank("consultation", "consultedOn", c.consultedOn().toString(), "channel", c.channel().name(),
                "consulterName", c.consulterName(), "consulterRelation", text(c.consulterRelation()),
                "consulterContact", text(c.consulterContact()), "childName", text(c.childName()),
                "childNameKana", text(c.childNameKana()), "topic", c.topic(), "outcome", text(c.outcome()),
                "followUpOn", c.followUpOn() == null ? "" : c.followUpOn().toString(),
                "followUpNote", text(c.followUpNote()), "version", String.valueOf(c.version()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
