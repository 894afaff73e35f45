package jp.inochi.loans;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.devices.DeviceRepair;
import jp.inochi.devices.DeviceRepairs;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.model.RemovedDeviceGoesTo;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;
import jp.inochi.web.SectionedPage;
import jp.inochi.web.Submission;

/**
 * The loan page's device forms: swap the lent generator (after a confirmation), finish a repair of a device taken
 * back from this loan, record or correct its cost and who bears it. With errors the loan page shows the form again.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoanDevicePages {
    private final LoanDeviceSwaps swaps;
    private final DeviceRepairs repairs;
    private final Loans loans;
    private final SectionedPage loanPage;
    private final Flash flash;
    private final Clock clock;

    LoanDevicePages(LoanDeviceSwaps swaps, DeviceRepairs repairs, Loans loans, List<SectionedPage> pages, Flash flash,
                    Clock clock) {
        this.swaps = swaps;
        this.repairs = repairs;
        this.loans = loans;
        this.loanPage = SectionedPage.named(pages, PageSection.LOAN_PAGE);
        this.flash = flash;
        this.clock = clock;
    }

    @Post(value = "/loans/{id}/swap-device", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> swap(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("swap-device", body);
        Long deviceId = form.longValue("deviceId");
        RemovedDeviceGoesTo goesTo = form.choice("removedGoesTo", RemovedDeviceGoesTo.class);
        LocalDate on = form.date("swappedOn");
        if (deviceId != null && goesTo != null && form.text("reason") != null && !form.hasErrors()
                && Confirmation.isNeededFor(form)) {
            String path = "/loans/" + id;
            return HttpResponse.ok(Confirmation.of(form, path + "/swap-device",
                    "貸与 第" + id + "号の装置を交換します。よろしいですか？", "はい、装置を交換する", path,
                    List.of("交換日 " + JapaneseDates.withGregorian(on == null ? JapanTime.today(clock) : on)
                                    + " で、選んだ装置をご家族に貸し出します",
                            "いま貸している装置は回収して" + goesTo.label() + "へ回します",
                            "貸与期間・計画の期限・年次確認の予定は変わりません")).over(loanPage.show(viewer, id, form)));
        }
        return act(request, viewer, id, form, "loan.device-swapped", () -> swaps.swap(Actor.of(viewer), id,
                new LoanDeviceSwaps.DeviceSwap(deviceId, on, goesTo, form.text("reason"), form.version())));
    }

    @Post(value = "/loans/{id}/repairs/{repairId}/finish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> finish(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @PathVariable long repairId,
                           @Body Map<String, Object> body) {
        DeviceRepair repair = ofThisLoan(id, repairId);
        Form form = Form.of("repair-finish-" + repairId, body);
        return act(request, viewer, id, form, "loan.repair-finished", () -> repairs.finish(Actor.of(viewer),
                repair.deviceId(), new DeviceRepairs.RepairDone(form.text("reason"), form.date("finishedOn"),
                        form.integer("costYen"), form.checkbox("familyLiable"), form.text("liabilityNote"))));
    }

    @Post(value = "/loans/{id}/repairs/{repairId}/cost", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cost(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @PathVariable long repairId,
                         @Body Map<String, Object> body) {
        ofThisLoan(id, repairId);
        Form form = Form.of("repair-cost-" + repairId, body);
        return act(request, viewer, id, form, "loan.repair-cost", () -> repairs.recordCost(Actor.of(viewer), repairId,
                new DeviceRepairs.RepairCost(form.integer("costYen"), form.checkbox("familyLiable"),
                        form.text("liabilityNote"), form.version())));
    }

    private DeviceRepair ofThisLoan(long loanId, long repairId) {
        loans.get(loanId);
        DeviceRepair repair = repairs.get(repairId);
        if (repair.loanId() == null || repair.loanId() != loanId) {
            throw new NotFoundException("修理");
        }
        return repair;
    }

    private HttpResponse<?> act(HttpRequest<?> request, Viewer viewer, long id, Form form, String flashKey,
                                Supplier<?> action) {
        if (form.text("reason") == null && !form.name().startsWith("repair-cost")) {
            form.reject("reason", "理由を入力してください");
        }
        Submission<?> done = Submission.run(form, action::get);
        if (done.done()) {
            return flash.seeOther(request, "/loans/" + id, flashKey);
        }
        return HttpResponse.status(done.status()).body(loanPage.show(viewer, id, form));
    }
}
