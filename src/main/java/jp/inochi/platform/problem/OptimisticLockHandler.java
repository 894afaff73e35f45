package jp.inochi.platform.problem;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/** Two people changed the same record: the later one is told to reload, and nothing of theirs was written. */
@Produces
@Singleton
final class OptimisticLockHandler implements ExceptionHandler<OptimisticLockException, HttpResponse<?>> {

    private final InochiExceptionHandler problems;

    OptimisticLockHandler(InochiExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, OptimisticLockException exception) {
        return problems.handle(request, new InochiException(ProblemType.CONCURRENT_MODIFICATION,
                "この記録は他の方が先に更新しました。画面を再読み込みして内容を確認してください"));
    }
}
