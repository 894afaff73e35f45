package jp.inochi.evacuationplans;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.PlanFinding;

/** The plan's content as stored (jsonb) and sent: the plain model records, made serialisable here. */
@Singleton
@SerdeImport(EvacuationPlan.class)
@SerdeImport(EvacuationPlan.Person.class)
@SerdeImport(EvacuationPlan.Supporter.class)
@SerdeImport(EvacuationPlan.Destination.class)
@SerdeImport(EvacuationPlan.Transport.class)
@SerdeImport(EvacuationPlan.Power.class)
@SerdeImport(EvacuationPlan.MedicalDevice.class)
@SerdeImport(EvacuationPlan.Supplies.class)
@SerdeImport(EvacuationPlan.Contacts.class)
@SerdeImport(EvacuationPlan.SharingConsent.class)
@SerdeImport(PlanFinding.class)
class PlanJson {
    private final JsonMapper json;

    PlanJson(JsonMapper json) {
        this.json = json;
    }

    String write(EvacuationPlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EvacuationPlan read(String content) {
        try {
            return json.readValue(content, EvacuationPlan.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
