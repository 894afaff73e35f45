package jp.inochi.platform.tables;

import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/** The file as a whole can't be read as a list; the message says why in Japanese, and what to do. */
public class UnreadableTableException extends InochiException {
    public UnreadableTableException(String detail) {
        super(ProblemType.UNPROCESSABLE_FILE, detail);
    }
}
