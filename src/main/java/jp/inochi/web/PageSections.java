package jp.inochi.web;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;

/** Every {@link PageSection} of a page, so the page's controller needs to know none of them. */
@Singleton
public class PageSections {
    private final List<PageSection> sections;

    PageSections(List<PageSection> sections) {
        this.sections = sections;
    }

    public void addTo(String page, Map<String, Object> model, Viewer viewer, long subjectId, Form form) {
        for (PageSection section : sections) {
            if (section.page().equals(page)) {
                section.addTo(model, viewer, subjectId, form);
            }
        }
    }
}
