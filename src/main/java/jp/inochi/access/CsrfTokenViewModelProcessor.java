package jp.inochi.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Puts {@code csrfToken} into every view rendered with a Map model, so each Thymeleaf form can include
 * {@code <input type="hidden" name="_csrf" th:value="${csrfToken}">}. (A view with a record model must add
 * the token itself, from {@link CsrfTokens#tokenFor}.)
 */
@Singleton
final class CsrfTokenViewModelProcessor implements ViewModelProcessor<Map<String, Object>> {
    private final CsrfTokens tokens;

    CsrfTokenViewModelProcessor(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            try {
                model.putIfAbsent(CsrfTokens.MODEL_ATTRIBUTE, tokens.tokenFor(request));
            } catch (UnsupportedOperationException immutable) {
                // Map.of(...) models can't take it; the controller must pass csrfToken itself.
            }
        });
    }
}
