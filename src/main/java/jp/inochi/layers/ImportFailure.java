package jp.inochi.layers;

import java.util.List;
import java.util.Map;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * The import was refused or failed; nothing was written and the layer's current version is unchanged. The detail
 * says why in Japanese; {@link #problems()} lists the features at fault, by number and field.
 */
public class ImportFailure extends InochiException {
    private final List<FeatureProblem> problems;

    public ImportFailure(String detail) {
        this(detail, List.of());
    }

    public ImportFailure(String detail, List<FeatureProblem> problems) {
        super(ProblemType.UNPROCESSABLE_FILE, detail, problems.isEmpty() ? Map.of() : Map.of("problems", List.copyOf(problems)));
        this.problems = List.copyOf(problems);
    }

    public List<FeatureProblem> problems() {
        return problems;
    }
}
