package jp.inochi.lifecycle;

import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * A client may send the version it last saw; if the record moved on since, its decision was made on stale data
 * and is refused (409 concurrent-modification). Without it, the database's optimistic lock still guards the write.
 */
public final class ExpectedVersion {
    private ExpectedVersion() {
    }

    public static void check(Long expected, Long actual) {
        if (expected != null && !expected.equals(actual)) {
            throw new InochiException(ProblemType.CONCURRENT_MODIFICATION,
                    "この記録は他の方が先に更新しました（版 " + expected + " → " + actual + "）。画面を再読み込みして内容を確認してください");
        }
    }
}
