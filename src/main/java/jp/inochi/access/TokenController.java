package jp.inochi.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/** Bearer tokens for API clients. The web UI signs in at /login and gets the same token as a cookie. */
@Tag(name = "認証")
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenController {
    static final String LOCKED = "ログインの失敗が続いたため、このアカウントは"
            + LoginLockoutPolicy.LOCK_DURATION.toMinutes() + "分間ロックされています";
    static final String WRONG_CREDENTIALS = "ユーザー名またはパスワードが正しくありません";

    private final PasswordAuthenticationProvider<Object> authentication;
    private final AccessRefreshTokenGenerator tokens;
    private final Users users;

    TokenController(PasswordAuthenticationProvider<Object> authentication, AccessRefreshTokenGenerator tokens, Users users) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.users = users;
    }

    @Serdeable
    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {
        @Override
        public String toString() {
            return "TokenRequest[username=" + username + "]";
        }
    }

    @Serdeable
    record PasswordChange(@NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String currentPassword,
                          @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    @Serdeable
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") Integer expiresIn) {
    }

    @Serdeable
    record Me(long userId, String username, String displayName, Role role, String roleLabel,
              String municipalityCode, String wardCode) {
    }

    @Operation(summary = "ユーザー名とパスワードでアクセストークンを発行する")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/token")
    TokenResponse token(HttpRequest<Object> request, @Body @Valid TokenRequest body) {
        AuthenticationResponse response = authentication.authenticate(request,
                new UsernamePasswordCredentials(body.username(), body.password()));
        if (!response.isAuthenticated() || response.getAuthentication().isEmpty()) {
            throw refusal(response);
        }
        AccessRefreshToken token = tokens.generate(response.getAuthentication().get())
                .orElseThrow(() -> new InochiException(ProblemType.INTERNAL_ERROR, "トークンを発行できませんでした"));
        return new TokenResponse(token.getAccessToken(), "Bearer", token.getExpiresIn());
    }

    @Operation(summary = "ログイン中のユーザー")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    Me me(Viewer viewer) {
        return new Me(viewer.userId(), viewer.username(), viewer.displayName(), viewer.role(), viewer.role().label(),
                viewer.municipalityCode(), viewer.wardCode());
    }

    @Operation(summary = "自分のパスワードを変更する（既存のセッションとトークンは無効になり、再ログインが必要）")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/password")
    HttpResponse<Void> changePassword(Viewer viewer, @Body @Valid PasswordChange body) {
        users.changeOwnPassword(viewer, body.currentPassword(), body.newPassword(), "POST /api/auth/password");
        return HttpResponse.noContent();
    }

    private static InochiException refusal(AuthenticationResponse response) {
        if (response instanceof AuthenticationFailed failed && failed.getReason() == AuthenticationFailureReason.ACCOUNT_LOCKED) {
            return new InochiException(ProblemType.TOO_MANY_REQUESTS, LOCKED);
        }
        return new InochiException(ProblemType.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
}
