package jp.inochi.platform.hygiene;

import io.micronaut.core.annotation.Nullable;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * The multipart half of the edge check: a part's name and file name may hold no control character at all. The
 * request filter ({@link ControlCharacterFilter}) can't see parts without holding a whole upload (up to 100 MB) in
 * memory, so the code that receives the parts calls this first, before it keeps or reads anything; the refusal is the
 * filter's own 400 problem document.
 */
public final class MultipartNames {
    private MultipartNames() {
    }

    public static void check(String partName, @Nullable String fileName) {
        if ((partName != null && ControlCharacters.inUrl(partName)) || (fileName != null && ControlCharacters.inUrl(fileName))) {
            throw new InochiException(ProblemType.MALFORMED_REQUEST, ControlCharacterFilter.REFUSAL);
        }
    }
}
