package jp.inochi.disasters;

import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.atrisk.AtRiskList;
import jp.inochi.platform.xlsx.XlsxExport;
import jp.inochi.platform.xlsx.XlsxNotes;

/** The call list (or the unreached list) as an .xlsx: the table's typed rows; the event, order, notice and credits. */
final class CallListXlsx {
    private CallListXlsx() {
    }

    static byte[] write(EventViews.CallList list, String title, Viewer viewer) {
        boolean center = CallListTable.forCenter(list);
        try (XlsxExport xlsx = new XlsxExport(title, CallListTable.columns(center))) {
            for (EventViews.Row row : list.households()) {
                xlsx.row(CallListTable.cells(row, center));
            }
            EventViews.Event event = list.event();
            return xlsx.bytes(XlsxNotes.of(title + "：" + event.name(), list.generatedAt(), viewer.label())
                    .withNotes(List.of("災害対応: " + event.name() + "（" + event.eventTypeLabel() + "）" + event.areaDescription(),
                            "並び順: " + list.order(), list.notice()))
                    .withCredits(list.credits().stream().map(AtRiskList::creditLine).toList()));
        }
    }
}
