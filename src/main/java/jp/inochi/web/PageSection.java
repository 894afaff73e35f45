package jp.inochi.web;

import java.util.Map;
import jp.inochi.access.Viewer;

/**
 * A part of another feature's page, filled in by the feature that owns its data: the household page shows
 * applications, loans, exposure and shelters, the loan page its checks and reminders, without the page's own
 * feature depending on them. A section is a bean; the page asks {@link PageSections} for all of its sections.
 */
public interface PageSection {
    /** The household page; the subject is the household's id. */
    String HOUSEHOLD_PAGE = "household";
    /** The loan page; the subject is the loan's id. */
    String LOAN_PAGE = "loan";
    /** The device page; the subject is the device's id. */
    String DEVICE_PAGE = "device";
    /** A follow-up task's page; the subject is the follow-up's id. */
    String FOLLOW_UP_PAGE = "follow-up";

    /** The page this section belongs to, e.g. {@link #HOUSEHOLD_PAGE}. */
    String page();

    /**
     * Puts this section's entries into the page's model. The page has already read (and audited) the subject for
     * this viewer; {@code form} is the form being re-shown with its errors, or a blank one.
     */
    void addTo(Map<String, Object> model, Viewer viewer, long subjectId, Form form);
}
