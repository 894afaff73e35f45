package jp.inochi.trainings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;

/** The center's training sessions: the list (50 a page), a new one; the session's own page is {@link TrainingSessionPage}. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class TrainingPages {
    static final String LIST = "/trainings";

    private final TrainingSessions sessions;
    private final Pages pages;
    private final Flash flash;
    private final Validator validator;

    TrainingPages(TrainingSessions sessions, Pages pages, Flash flash, Validator validator) {
        this.sessions = sessions;
        this.pages = pages;
        this.flash = flash;
        this.validator = validator;
    }

    @Get(LIST)
    ModelAndView<Map<String, Object>> list(Viewer viewer, @Nullable @QueryValue Integer page) {
        TrainingSessions.Found found = sessions.page(LIST, page);
        Map<String, Object> model = pages.model(viewer, "研修会", "trainings");
        model.put("sessions", found.rows());
        model.put("pager", found.pager());
        return new ModelAndView<>("trainings/list", model);
    }

    @Get(LIST + "/new")
    ModelAndView<Map<String, Object>> newForm(Viewer viewer) {
        return formPage(viewer, Form.blank("training", "startsAt", "14:00", "endsAt", "16:00", "capacity", "20"));
    }

    @Post(value = LIST, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> plan(HttpRequest<?> request, Viewer viewer, @Body Map<String, Object> body) {
        Form form = Form.of("training", body);
        SessionDetails details = new SessionDetails(form.date("heldOn"), time(form, "startsAt"), time(form, "endsAt"),
                form.text("place"), form.text("topic"), form.integer("capacity"), null);
        Submission<TrainingSession> done = Submission.run(form, validator, details, d -> sessions.plan(viewer, d));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + done.result().id(), "training.planned");
        }
        return HttpResponse.status(done.status()).body(formPage(viewer, form));
    }

    /** 「14:00」 or 「14時」; else the field's own error. */
    @Nullable
    private static LocalTime time(Form form, String field) {
        String typed = form.text(field);
        if (typed == null) {
            return null;
        }
        String normalised = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC)
                .replace("時", ":").replace("分", "").replaceAll(":$", ":00");
        try {
            return LocalTime.parse(normalised.length() == 4 ? "0" + normalised : normalised);
        } catch (DateTimeParseException e) {
            form.reject(field, "「" + typed + "」は 14:00 のように時:分で入力してください");
            return null;
        }
    }

    private ModelAndView<Map<String, Object>> formPage(Viewer viewer, Form form) {
        Map<String, Object> model = pages.model(viewer, "研修会を登録する", "trainings");
        model.put("form", form);
        return new ModelAndView<>("trainings/form", model);
    }
}
