package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.EventScreens.Option;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.Reply;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;

/**
 * The call sheet's two screens (the call list and the unreached list) and the single row a call's result replaces in
 * place: the same columns, filters and result form on both.
 */
@Singleton
class CallSheetScreens {
    static final String ROW_HEADER = "X-Inochi-Row";
    private static final String API = "/api/disaster-events/";

    private final DisasterEvents events;
    private final CallSheets sheets;
    private final Pages pages;

    CallSheetScreens(DisasterEvents events, CallSheets sheets, Pages pages) {
        this.events = events;
        this.sheets = sheets;
        this.pages = pages;
    }

    static String listName(boolean unreached) {
        return unreached ? "unreached" : "call-list";
    }

    /** The row whose form a page without the script opens ({@code ?record=}); anything but an id opens none. */
    @Nullable
    static Long chosenRow(@Nullable String record) {
        return record != null && record.matches("[0-9]{1,18}") ? Long.valueOf(record) : null;
    }

    static Form blankForm() {
        return Form.blank("contact", "method", ContactMethod.PHONE.name());
    }

    /** The whole page; {@code form} and {@code householdId} are the result just refused, shown in its row. */
    ModelAndView<Map<String, Object>> page(Viewer viewer, long id, boolean unreached, CallSheetFilter filter, Form form,
                                           @Nullable Long householdId) {
        String list = listName(unreached);
        CallSheets.Sheet sheet = sheets.page(viewer, id, unreached, filter, "GET " + EventScreens.LIST + "/{id}/" + list);
        String title = (unreached ? "未確認の世帯：" : "連絡リスト：") + sheet.event().name();
        Map<String, Object> model = pages.model(viewer, title, "disasters");
        common(model, sheet.event(), unreached, filter, sheet.pager().page(), form, householdId);
        model.put("sheet", sheet);
        model.put("rowErrors", false);
        model.put("fullForms", false);
        String address = filter.address(EventScreens.LIST + "/" + id + "/" + list);
        model.put("recordHref", address + (address.contains("?") ? "&" : "?") + "record=");
        model.put("powerBands", CallSheetFilter.POWER_BANDS);
        model.put("order", EventLists.ORDER);
        model.put("notice", EventLists.NOTICE);
        model.put("csv", API + id + "/" + list + "?format=csv");
        model.put("xlsx", API + id + "/" + list + "?format=xlsx");
        model.put("json", API + id + "/" + list + "?format=json");
        return new ModelAndView<>("disasters/households", model);
    }

    /** Only the household's rows (a tbody), for the script that replaces them in place. */
    ModelAndView<Map<String, Object>> row(Viewer viewer, long id, long householdId, boolean unreached,
                                          CallSheetFilter filter, Form form, @Nullable String done) {
        String list = listName(unreached);
        CallSheets.RowAfter after = sheets.rowAfter(viewer, id, householdId, unreached, filter,
                "POST " + EventScreens.LIST + "/{id}/households/{householdId}/contacts");
        Map<String, Object> model = pages.model(viewer, list, "disasters");
        common(model, null, unreached, filter, filter.page() == null ? 1 : filter.page(), form, householdId);
        model.put("eventId", id);
        model.put("canRecord", events.get(viewer, id).state() == EventState.ACTIVE);
        model.put("line", after.line().orElse(null));
        model.put("householdId", householdId);
        model.put("count", after.count());
        model.put("done", done);
        model.put("rowErrors", true);
        model.put("fullForms", true);
        return new ModelAndView<>("disasters/call-sheet-row-only", model);
    }

    private static void common(Map<String, Object> model, @Nullable EventViews.Event event, boolean unreached,
                               CallSheetFilter filter, int page, Form form, @Nullable Long householdId) {
        model.put("event", event);
        model.put("unreached", unreached);
        model.put("filter", filter);
        model.put("page", page);
        model.put("form", form);
        model.put("formHousehold", householdId == null ? -1L : householdId);
        model.put("methods", EnumSet.of(ContactMethod.PHONE, ContactMethod.VISIT, ContactMethod.OTHER).stream()
                .map(m -> new Option(m.name(), m.label())).toList());
        model.put("outcomes", EnumSet.complementOf(EnumSet.of(ContactOutcome.REPLIED)).stream()
                .map(o -> new Option(o.name(), o.label())).toList());
        model.put("states", Arrays.stream(Reply.values()).map(r -> new Option(r.name(), r.label())).toList());
        if (event != null) {
            model.put("eventId", event.id());
            model.put("canRecord", event.state() == EventState.ACTIVE);
        }
    }
}
