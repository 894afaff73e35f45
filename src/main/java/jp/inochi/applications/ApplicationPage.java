package jp.inochi.applications;

import io.micronaut.views.ModelAndView;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.web.Form;

/** The page of one kind of application, as {@link ApplicationReviewPages} sends back to it after a form. */
public interface ApplicationPage {

    /** Where the page is: {@code /program-applications/7}. */
    String path(long id);

    /** The flash message key for a step done on the page: {@code program-application.start-review}. */
    String messageKey(String formName);

    /** The page again, with the errors and what was typed in {@code form}. */
    ModelAndView<Map<String, Object>> detail(Viewer viewer, long id, Form form);
}
