package jp.inochi.web;

import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;

/**
 * A page with {@link PageSection}s whose forms post to another feature: when such a form has errors, that feature
 * shows this page again with the form, without depending on the page's feature.
 */
public interface SectionedPage {
    /** Which page this is, e.g. {@link PageSection#LOAN_PAGE}. */
    String page();

    /** The page of {@code subjectId} with {@code form} and its errors. */
    ModelAndView<Map<String, Object>> show(Viewer viewer, long subjectId, Form form);

    /** The page named {@code page} among {@code pages}. */
    static SectionedPage named(List<SectionedPage> pages, String page) {
        return pages.stream().filter(p -> p.page().equals(page)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No page " + page));
    }
}
