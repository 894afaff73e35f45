package jp.inochi.evacuationplans.print;

import java.io.IOException;
import java.util.List;

/** The first page's top: 個別避難計画, the child's name and kana, the household line, version and date lines. */
final class TitleBlock {
    private static final float VERSION_SIZE = 8.5f;

    private TitleBlock() {
    }

    static void draw(PlanCanvas canvas, PrintablePlan plan) throws IOException {
        float top = canvas.y();
        canvas.text(PlanCanvas.LEFT, top - 20, 20, PlanCanvas.INK, true, PrintablePlan.TITLE);
        float y = top - 20;
        if (plan.blankForm()) {
            canvas.text(PlanCanvas.LEFT + canvas.fitter().width(PrintablePlan.TITLE, 20) + 8, y, 10,
                    PlanCanvas.MUTED, false, "（記入用・未保存）");
        }
        if (!plan.childKana().isEmpty()) {
            y -= 16;
            canvas.text(PlanCanvas.LEFT, y, 8.5f, PlanCanvas.MUTED, false, plan.childKana());
        }
        y -= plan.childKana().isEmpty() ? 22 : 16;
        String name = plan.childName().isEmpty() ? "氏名　＿＿＿＿＿＿＿＿＿＿＿＿" : plan.childName() + " さん";
        canvas.text(PlanCanvas.LEFT, y, 14, PlanCanvas.INK, true, name);
        if (!plan.householdLabel().isEmpty()) {
            y -= 14;
            canvas.text(PlanCanvas.LEFT, y, 8.5f, PlanCanvas.MUTED, false, plan.householdLabel());
        }
        float right = rightColumn(canvas, plan.versionLines(), top);
        y = Math.min(y, right) - 14;
        String legend = plan.blankForm()
                ? "空欄は手書きで記入してください。＊ は Inochi の登録情報から入力した項目です。"
                : "＊ は Inochi の登録情報から入力した項目です。内容が変わったら市町村の防災担当に連絡してください。";
        canvas.text(PlanCanvas.LEFT, y, 8, PlanCanvas.MUTED, false, legend);
        canvas.moveDown(top - y + 10);
    }

    /** Version lines right-aligned beside the title; returns the lowest baseline used. */
    private static float rightColumn(PlanCanvas canvas, List<String> lines, float top) throws IOException {
        float maxWidth = PlanCanvas.WIDTH * 0.56f;
        float y = top - 8;
        for (String line : lines) {
            for (String part : canvas.fitter().wrap(line, VERSION_SIZE, maxWidth)) {
                float width = canvas.fitter().width(part, VERSION_SIZE);
                canvas.text(PlanCanvas.RIGHT - width, y, VERSION_SIZE, PlanCanvas.INK, false, part);
                y -= 11.5f;
            }
        }
        return y + 11.5f;
    }
}
