package jp.inochi.evacuationplans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.evacuationplans.model.DestinationKind;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.MedicalDeviceKind;
import jp.inochi.evacuationplans.model.PlanHazard;
import jp.inochi.evacuationplans.model.ShareWith;
import jp.inochi.evacuationplans.model.SupporterRelation;
import jp.inochi.evacuationplans.model.TransportKind;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.web.Form;
import org.junit.jupiter.api.Test;

/** The editor's form reads back into the plan it showed; empty rows are left out and errors still find their rows. */
class PlanEditorReadingTest {
    private static final HomeContext HOME = new HomeContext(List.of(), "", List.of(
            new HomeContext.ShelterChoice(PlanHazard.FLOOD, 7, "人吉スポーツパレス", "指定避難所", false, 1250, true)),
            null, List.of(), null, null, null);

    private static final EvacuationPlan PLAN = new EvacuationPlan(
            new EvacuationPlan.Person("人吉 ひなた", "ヒトヨシ ヒナタ", LocalDate.of(2024, 1, 1), "人吉市デモ町1-1",
                    List.of("090-0000-0001", "0966-22-0000"), "人工呼吸器"),
            List.of(new EvacuationPlan.Supporter("人吉 太郎", SupporterRelation.NEIGHBOUR, "0966-22-1111", "車の運転",
                    true, false, true, true)),
            List.of(new EvacuationPlan.Destination(PlanHazard.FLOOD, DestinationKind.DESIGNATED_SHELTER, 7L,
                    "人吉スポーツパレス", 1250L, "警戒レベル3")),
            new EvacuationPlan.Transport(TransportKind.OWN_CAR_WITH_OUTLET, List.of("人工呼吸器", "吸引器"), 1300L, "父"),
            new EvacuationPlan.Power(List.of(new EvacuationPlan.MedicalDevice(MedicalDeviceKind.VENTILATOR, "人工呼吸器", 60,
                    new BigDecimal("4.5"))), "発電機", new BigDecimal("10"), new BigDecimal("18"), List.of("人吉医療センター"),
                    "病院へ移動"),
            new EvacuationPlan.Supplies(new BigDecimal("3"), "薬", "吸引カテーテル", 3),
            new EvacuationPlan.Contacts("主治医", "病院", "0966-00-0000", "訪問看護", "0966-11-1111", "業者", "コーディネーター",
                    "090-2222-3333"),
            new EvacuationPlan.SharingConsent(List.of(ShareWith.FIRE_DEPARTMENT, ShareWith.SUPPORTERS),
                    LocalDate.of(2026, 4, 1), "母", "条例 第5条"));

    private static Map<String, Object> posted(EvacuationPlan plan) {
        Map<String, Object> body = new HashMap<>(PlanEditorFields.of(plan));
        body.put("supporterRows", "3");
        body.put("deviceRows", "1");
        return body;
    }

    @Test
    void theFormReadsBackIntoThePlanItShowed() {
        PlanEditorReading.Read read = PlanEditorReading.read(Form.of("plan", posted(PLAN)), HOME);
        assertEquals(PLAN, read.plan());
    }

    @Test
    void emptyAndRemovedRowsAreLeftOutAndAnErrorOfTheSecondSupporterLandsOnItsRowAsPosted() {
        Map<String, Object> body = posted(PLAN);
        body.put("supporters[1].remove", "true");
        body.put("supporters[1].name", "消す人");
        body.put("supporters[2].name", "球磨 次郎");
        PlanEditorReading.Read read = PlanEditorReading.read(Form.of("plan", body), HOME);
        assertEquals(List.of("人吉 太郎", "球磨 次郎"), read.plan().supporters().stream().map(EvacuationPlan.Supporter::name).toList());
        assertEquals("supporters[2].phone", read.toForm(new FieldError("supporters[1].phone", "電話番号")).field());
        assertEquals("power.devices[0].watts", read.toForm(new FieldError("plan.power.devices[0].watts", "長すぎます")).field());
    }

    @Test
    void aFieldInochiFilledStaysPrefilledOnlyWhileUnchanged() {
        Map<String, Object> body = posted(PLAN);
        body.put("prefilled", "person.name person.address destinations[0]");
        body.put("was.person.name", "人吉 ひなた");
        body.put("was.person.address", "人吉市デモ町2-2");
        body.put("was.destinations[0].shelterId", "7");
        body.put("was.destinations[0].place", "人吉スポーツパレス");
        PlanEditorReading.Read read = PlanEditorReading.read(Form.of("plan", body), HOME);
        assertEquals(List.of("person.name", "destinations[0]"), read.prefilled());
    }
}
