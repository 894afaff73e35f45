package jp.inochi.evacuationplans.print;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;

/** Every page's header (取扱注意, the plan and the child) and footer (page n / total), added once all pages exist. */
final class PageFrame {
    private static final Color NOTICE = new Color(0xb7, 0x1c, 0x1c);
    private static final float HEADER_BASELINE = PlanCanvas.A4.getHeight() - 32;

    private PageFrame() {
    }

    static void stamp(PlanCanvas canvas, PrintablePlan plan) throws IOException {
        List<PDPage> pages = canvas.pages();
        String running = PrintablePlan.TITLE + (plan.childName().isEmpty() ? "" : "　" + plan.childName() + " さん")
                + (plan.blankForm() ? "（記入用）" : "");
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream stream = new PDPageContentStream(canvas.document(), pages.get(i),
                    AppendMode.APPEND, true, true)) {
                header(canvas, stream, running);
                footer(canvas, stream, i + 1, pages.size());
            }
        }
    }

    private static void header(PlanCanvas canvas, PDPageContentStream stream, String running) throws IOException {
        String notice = PrintablePlan.HANDLING_NOTICE;
        float noticeWidth = canvas.fitter().width(notice, 10);
        stream.setStrokingColor(NOTICE);
        stream.setLineWidth(1.2f);
        stream.addRect(PlanCanvas.LEFT, HEADER_BASELINE - 5, noticeWidth + 12, 18);
        stream.stroke();
        canvas.text(stream, PlanCanvas.LEFT + 6, HEADER_BASELINE, 10, NOTICE, true, notice);
        float runningWidth = canvas.fitter().width(running, 8.5f);
        canvas.text(stream, PlanCanvas.RIGHT - runningWidth, HEADER_BASELINE, 8.5f, PlanCanvas.MUTED, false, running);
        stream.setStrokingColor(PlanCanvas.RULE);
        stream.setLineWidth(0.5f);
        stream.moveTo(PlanCanvas.LEFT, HEADER_BASELINE - 10);
        stream.lineTo(PlanCanvas.RIGHT, HEADER_BASELINE - 10);
        stream.stroke();
    }

    private static void footer(PlanCanvas canvas, PDPageContentStream stream, int page, int pages) throws IOException {
        String number = page + " / " + pages;
        float width = canvas.fitter().width(number, 8.5f);
        canvas.text(stream, (PlanCanvas.A4.getWidth() - width) / 2, 22, 8.5f, PlanCanvas.INK, false, number);
        canvas.text(stream, PlanCanvas.LEFT, 22, 7, PlanCanvas.MUTED, false, "要配慮個人情報を含みます。保管と受け渡しに注意してください。");
    }
}
