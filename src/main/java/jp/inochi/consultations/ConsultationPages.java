package jp.inochi.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.consultations.model.ConsultationChannel;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;

/** The center's consultations: the list (search, 50 a page), a new one, and one to read, correct and link. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConsultationPages {
    private static final String LIST = "/consultations";

    private final Consultations consultations;
    private final ConsultationReads reads;
    private final Pages pages;
    private final Flash flash;
    private final Validator validator;

    ConsultationPages(Consultations consultations, ConsultationReads reads, Pages pages, Flash flash, Validator validator) {
        this.consultations = consultations;
        this.reads = reads;
        this.pages = pages;
        this.flash = flash;
        this.validator = validator;
    }

    record Choice(String value, String label) {
    }

    @Get(LIST)
    ModelAndView<Map<String, Object>> list(Viewer viewer, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        SearchQuery query = SearchQuery.of(q);
        ConsultationReads.Found found = reads.page(viewer, LIST, LIST, query, page);
        Map<String, Object> model = pages.model(viewer, "相談記録", "consultations");
        model.put("consultations", found.rows());
        model.put("pager", found.pager());
        model.put("q", query.typed());
        model.put("searchKeeps", Map.of());
        return new ModelAndView<>("consultations/list", model);
    }

    @Get(LIST + "/new")
    ModelAndView<Map<String, Object>> newForm(Viewer viewer) {
        return formPage(viewer, Form.blank("consultation", "channel", ConsultationChannel.PHONE.name()), null);
    }

    @Post(value = LIST, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> record(HttpRequest<?> request, Viewer viewer, @Body Map<String, Object> body) {
        Form form = Form.of("consultation", body);
        Submission<Consultation> done = Submission.run(form, validator, details(form),
                d -> consultations.record(viewer, d));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + done.result().id(), "consultation.recorded");
        }
        return HttpResponse.status(done.status()).body(formPage(viewer, form, null));
    }

    @Get(LIST + "/{id}")
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        Consultation c = reads.get(viewer, LIST + "/{id}", id);
        return formPage(viewer, ConsultationForms.of(c), c);
    }

    @Post(value = LIST + "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> correct(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("consultation", body);
        Submission<Consultation> done = Submission.run(form, validator, details(form),
                d -> consultations.correct(viewer, id, d));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id, "consultation.corrected");
        }
        return HttpResponse.status(done.status()).body(formPage(viewer, form, reads.get(viewer, LIST + "/{id}", id)));
    }

    @Post(value = LIST + "/{id}/link", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> link(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("link", body);
        Long household = form.longValue("householdId");
        if (household == null && !form.hasError("householdId")) {
            form.reject("householdId", "世帯番号を入力してください");
        }
        Submission<Consultation> done = Submission.run(form, () -> consultations.link(viewer, id, household,
                form.longValue("programApplicationId")));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id, "consultation.linked");
        }
        Consultation c = reads.get(viewer, LIST + "/{id}", id);
        Map<String, Object> model = formPage(viewer, ConsultationForms.of(c), c).getModel().orElseThrow();
        model.put("linkForm", form);
        return HttpResponse.status(done.status()).body(new ModelAndView<>("consultations/form", model));
    }

    private static ConsultationDetails details(Form form) {
        return new ConsultationDetails(form.date("consultedOn"), form.choice("channel", ConsultationChannel.class),
                form.text("consulterName"), form.text("consulterRelation"), form.text("consulterContact"),
                form.text("childName"), form.text("childNameKana"), form.text("topic"), form.text("outcome"),
                form.date("followUpOn"), form.text("followUpNote"), form.version());
    }

    private ModelAndView<Map<String, Object>> formPage(Viewer viewer, Form form, @Nullable Consultation existing) {
        String title = existing == null ? "相談を記録する" : "相談記録 第" + existing.id() + "号";
        Map<String, Object> model = pages.model(viewer, title, "consultations");
        model.put("form", form);
        model.put("consultation", existing);
        model.put("linkForm", Form.blank("link"));
        model.put("channels", Arrays.stream(ConsultationChannel.values()).map(c -> new Choice(c.name(), c.label())).toList());
        return new ModelAndView<>("consultations/form", model);
    }
}
