package jp.inochi.platform.problem;

/** The request contradicts data that already exists (a duplicate, a resource still in use...). */
public class ConflictException extends InochiException {
    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
