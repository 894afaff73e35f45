package jp.inochi.evacuationplans.print;

import java.nio.file.Path;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/** The PDF can't be made because the Japanese font is missing: 503 with a Japanese explanation. */
public final class PlanFontMissingException extends InochiException {

    public PlanFontMissingException(Path file) {
        super(ProblemType.SERVICE_UNAVAILABLE, "個別避難計画のPDFを作成できません。印刷用の日本語フォント（" + file
                + "）がサーバーにありません。システム管理者に連絡してください（fonts-ipaexfont-gothic の導入が必要です）。");
    }
}
