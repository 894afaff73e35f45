package jp.inochi.platform.problem;

/** The thing does not exist, or the user may not know that it exists (both answer 404). */
public class NotFoundException extends InochiException {
    public NotFoundException(String what) {
        super(ProblemType.NOT_FOUND, what + "が見つかりません");
    }
}
