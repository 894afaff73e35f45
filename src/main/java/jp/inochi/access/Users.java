package jp.inochi.access;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;

/**
 * Users and their rights: creation with a hashed password, and the administration a center admin does
 * (disable, enable, reset a password, change role or municipality, unlock). Every administrative change is
 * written to the audit log (never a password) and raises the user's security stamp where rights or the
 * password changed, which ends their existing tokens and sessions at once.
 */
@Singleton
public class Users {
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private final AppUserRepository repository;
    private final PasswordHasher hasher;
    private final Municipalities municipalities;
    private final Sessions sessions;
    private final ApplicationEventPublisher<UserAccountChanged> audit;
    private final Clock clock;

    Users(AppUserRepository repository, PasswordHasher hasher, Municipalities municipalities, Sessions sessions,
          ApplicationEventPublisher<UserAccountChanged> audit, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.municipalities = municipalities;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewUser(String username, String displayName, String password, Role role,
                          @Nullable String municipalityCode, @Nullable String wardCode, @Nullable String email) {

        /** Never the password, even by accident. */
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", role=" + role + ", municipalityCode=" + municipalityCode
                    + ", wardCode=" + wardCode + "]";
        }
    }

    /** Creates a user without an audit entry: demo data and tests. People and the CLI use the audited methods. */
    @Transactional
    public AppUser create(NewUser user) {
        List<FieldError> errors = new ArrayList<>();
        if (user.username() == null || !user.username().matches("[a-z0-9._-]{3,64}")) {
            errors.add(new FieldError("username", "ユーザー名は半角英小文字・数字・「._-」の3〜64文字で入力してください"));
        }
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 100) {
            errors.add(new FieldError("displayName", "表示名を100文字以内で入力してください"));
        }
        PasswordPolicy.refusal(user.password(), user.username())
                .ifPresent(reason -> errors.add(new FieldError("password", reason)));
        if (user.email() != null && (user.email().length() > 254 || !user.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.add(new FieldError("email", "メールアドレスの形式が正しくありません"));
        }
        errors.addAll(rightsErrors(user.role(), user.municipalityCode(), user.wardCode()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repository.existsByUsername(user.username())) {
            throw new ConflictException("ユーザー名「" + user.username() + "」は既に使われています");
        }
        Instant now = clock.instant();
        return repository.save(new AppUser(null, user.username(), user.displayName(), hasher.hash(user.password()),
                user.role(), user.municipalityCode(), user.wardCode(), user.email(), true, 0, null, now, 0, now, now, null));
    }

    /** A center admin creates a user. */
    @Transactional
    public AppUser create(Viewer admin, NewUser user, String resource) {
        AppUser created = create(user);
        audit.publishEvent(new UserAccountChanged(admin, true, resource, created.id(), rights(created)));
        return created;
    }

    /** The first admin, from INOCHI_ADMIN_USERNAME/PASSWORD at start or from the create-admin command. */
    @Transactional
    public AppUser createAdmin(String username, String displayName, String password, @Nullable String email, String how) {
        AppUser created = create(new NewUser(username, displayName, password, Role.CENTER_ADMIN, null, null, email));
        audit.publishEvent(new UserAccountChanged(null, true, how, created.id(), rights(created)));
        return created;
    }

    public boolean anyEnabledAdmin() {
        return repository.existsByRoleAndEnabled(Role.CENTER_ADMIN, true);
    }

    public List<AppUser> all() {
        return repository.findAllOrderByUsername();
    }

    public AppUser get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("ユーザー"));
    }

    @Transactional
    public AppUser disable(Viewer admin, long id, String resource) {
        AppUser user = get(id);
        if (!user.enabled()) {
            return user;
        }
        refuseSelf(admin, user, "無効化");
        keepAnAdmin(user);
        AppUser disabled = repository.update(user.withEnabled(false, clock.instant()));
        sessions.endAllOf(id);
        audit.publishEvent(new UserAccountChanged(admin, false, resource, id, "無効化"));
        return disabled;
    }

    @Transactional
    public AppUser enable(Viewer admin, long id, String resource) {
        AppUser user = get(id);
        if (user.enabled()) {
            return user;
        }
        AppUser enabled = repository.update(user.withEnabled(true, clock.instant()));
        audit.publishEvent(new UserAccountChanged(admin, false, resource, id, "有効化"));
        return enabled;
    }

    /** Sets a new password chosen by the admin; the user's lock is lifted and their sessions end. */
    @Transactional
    public AppUser resetPassword(Viewer admin, long id, String newPassword, String resource) {
        AppUser user = get(id);
        PasswordPolicy.refusal(newPassword, user.username()).ifPresent(reason -> {
            throw new InvalidInputException("password", reason);
        });
        AppUser reset = repository.update(user.withPasswordHash(hasher.hash(newPassword), clock.instant()));
        sessions.endAllOf(id);
        audit.publishEvent(new UserAccountChanged(admin, false, resource, id, "パスワード再設定"));
        return reset;
    }

    /** A signed-in user changes their own password, knowing the current one. */
    @Transactional
    public void changeOwnPassword(Viewer self, String currentPassword, String newPassword, String resource) {
        AppUser user = get(self.userId());
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throw new InvalidInputException("currentPassword", "現在のパスワードが正しくありません");
        }
        PasswordPolicy.refusal(newPassword, user.username()).ifPresent(reason -> {
            throw new InvalidInputException("newPassword", reason);
        });
        repository.update(user.withPasswordHash(hasher.hash(newPassword), clock.instant()));
        sessions.endAllOf(user.id());
        audit.publishEvent(new UserAccountChanged(self, false, resource, user.id(), "パスワード変更（本人）"));
    }

    /** A new role, municipality or ward; tokens with the old rights stop working at once. */
    @Transactional
    public AppUser changeRights(Viewer admin, long id, Role role, @Nullable String municipalityCode,
                                @Nullable String wardCode, String resource) {
        AppUser user = get(id);
        List<FieldError> errors = rightsErrors(role, municipalityCode, wardCode);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (user.role() == role && Objects.equals(user.municipalityCode(), municipalityCode)
                && Objects.equals(user.wardCode(), wardCode)) {
            return user;
        }
        if (role != Role.CENTER_ADMIN) {
            refuseSelf(admin, user, "役割の変更");
            keepAnAdmin(user);
        }
        AppUser changed = repository.update(user.withRights(role, municipalityCode, wardCode, clock.instant()));
        sessions.endAllOf(id);
        audit.publishEvent(new UserAccountChanged(admin, false, resource, id,
                "権限変更: " + rights(user) + " → " + rights(changed)));
        return changed;
    }

    @Transactional
    public AppUser unlock(Viewer admin, long id, String resource) {
        AppUser user = get(id);
        AppUser unlocked = repository.update(user.unlocked(clock.instant()));
        audit.publishEvent(new UserAccountChanged(admin, false, resource, id, "ロック解除"));
        return unlocked;
    }

    private List<FieldError> rightsErrors(@Nullable Role role, @Nullable String municipalityCode, @Nullable String wardCode) {
        List<FieldError> errors = new ArrayList<>();
        if (role == null) {
            errors.add(new FieldError("role", "役割を選んでください"));
        } else if (role == Role.MUNICIPAL_OFFICER) {
            if (municipalityCode == null || municipalities.municipality(municipalityCode).isEmpty()) {
                errors.add(new FieldError("municipalityCode", "市町村防災担当には熊本県内の市町村コードが必要です"));
            }
            if (wardCode != null && (!Municipalities.KUMAMOTO_CITY.equals(municipalityCode)
                    || municipalities.ward(wardCode).isEmpty())) {
                errors.add(new FieldError("wardCode", "区を指定できるのは熊本市の区コード（43101〜43105）だけです"));
            }
        } else if (municipalityCode != null || wardCode != null) {
            errors.add(new FieldError("municipalityCode", "市町村を指定できるのは市町村防災担当だけです"));
        }
        return errors;
    }

    private static void refuseSelf(Viewer admin, AppUser user, String what) {
        if (admin.userId() == user.id()) {
            throw new ConflictException("自分自身のアカウントの" + what + "はできません。別の管理者に依頼してください");
        }
    }

    /** The service must keep at least one enabled center admin, or nobody could manage users or declarations. */
    private void keepAnAdmin(AppUser user) {
        if (user.role() == Role.CENTER_ADMIN && user.enabled()) {
            List<Long> admins = repository.lockEnabledAdmins();
            if (admins.stream().noneMatch(other -> !other.equals(user.id()))) {
                throw new ConflictException("有効なセンター管理者がいなくなるため、この変更はできません");
            }
        }
    }

    private static String rights(AppUser user) {
        return user.role().name()
                + (user.municipalityCode() == null ? "" : " " + user.municipalityCode())
                + (user.wardCode() == null ? "" : " " + user.wardCode());
    }
}
