package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** User administration for center admins. Passwords go in, never out: no response carries a password or hash. */
@Tag(name = "ユーザー管理")
@Controller("/api/users")
@Secured(Roles.CENTER_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserAdminController {
    private final Users users;
    private final Clock clock;

    UserAdminController(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Serdeable
    record UserView(long id, String username, String displayName, Role role, String roleLabel,
                    @Nullable String municipalityCode, @Nullable String wardCode, @Nullable String email,
                    boolean enabled, boolean locked, @Nullable Instant lockedUntil, Instant createdAt,
                    @Nullable Instant updatedAt, @Nullable Instant passwordChangedAt) {

        static UserView of(AppUser user, Instant now) {
            return new UserView(user.id(), user.username(), user.displayName(), user.role(), user.role().label(),
                    user.municipalityCode(), user.wardCode(), user.email(), user.enabled(),
                    LoginLockoutPolicy.isLocked(user, now), user.lockedUntil(), user.createdAt(), user.updatedAt(),
                    user.passwordChangedAt());
        }
    }

    @Serdeable
    record NewUserRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]{3,64}") String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String password,
            @NotNull Role role,
            @Nullable @Size(max = 5) String municipalityCode,
            @Nullable @Size(max = 5) String wardCode,
            @Nullable @Email @Size(max = 254) String email) {

        @Override
        public String toString() {
            return "NewUserRequest[username=" + username + ", role=" + role + "]";
        }
    }

    @Serdeable
    record PasswordReset(@NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String password) {
        @Override
        public String toString() {
            return "PasswordReset[***]";
        }
    }

    @Serdeable
    record RightsChange(@NotNull Role role, @Nullable @Size(max = 5) String municipalityCode,
                        @Nullable @Size(max = 5) String wardCode) {
    }

    @Operation(summary = "ユーザーの一覧（パスワードは含まない）")
    @Get
    List<UserView> list() {
        Instant now = clock.instant();
        return users.all().stream().map(user -> UserView.of(user, now)).toList();
    }

    @Operation(summary = "ユーザー1件")
    @Get("/{id}")
    UserView get(long id) {
        return UserView.of(users.get(id), clock.instant());
    }

    @Operation(summary = "ユーザーを作成する（市町村防災担当は市町村コード、熊本市は区コードも指定可）")
    @Post
    @Status(HttpStatus.CREATED)
    UserView create(Viewer admin, @Body @Valid NewUserRequest request) {
        AppUser created = users.create(admin, new Users.NewUser(request.username(), request.displayName(),
                request.password(), request.role(), request.municipalityCode(), request.wardCode(), request.email()),
                "POST /api/users");
        return UserView.of(created, clock.instant());
    }

    @Operation(summary = "ユーザーを無効にする（ログイン中のセッションとトークンも即時に無効）")
    @Post("/{id}/disable")
    UserView disable(Viewer admin, long id) {
        return UserView.of(users.disable(admin, id, "POST /api/users/{id}/disable"), clock.instant());
    }

    @Operation(summary = "無効にしたユーザーを有効に戻す")
    @Post("/{id}/enable")
    UserView enable(Viewer admin, long id) {
        return UserView.of(users.enable(admin, id, "POST /api/users/{id}/enable"), clock.instant());
    }

    @Operation(summary = "パスワードを再設定する（ロック解除、既存のセッションとトークンは無効）")
    @Post("/{id}/password")
    HttpResponse<Void> resetPassword(Viewer admin, long id, @Body @Valid PasswordReset request) {
        users.resetPassword(admin, id, request.password(), "POST /api/users/{id}/password");
        return HttpResponse.noContent();
    }

    @Operation(summary = "役割・市町村・区を変更する（既存のセッションとトークンは無効）")
    @Put("/{id}/rights")
    UserView changeRights(Viewer admin, long id, @Body @Valid RightsChange request) {
        return UserView.of(users.changeRights(admin, id, request.role(), request.municipalityCode(), request.wardCode(),
                "PUT /api/users/{id}/rights"), clock.instant());
    }

    @Operation(summary = "ログイン失敗によるロックを解除する")
    @Post("/{id}/unlock")
    UserView unlock(Viewer admin, long id) {
        return UserView.of(users.unlock(admin, id, "POST /api/users/{id}/unlock"), clock.instant());
    }
}
