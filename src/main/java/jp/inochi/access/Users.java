package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;

/** Creates users with hashed passwords; the rules for who may be bound to which municipality live here. */
@Singleton
public class Users {
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final AppUserRepository repository;
    private final PasswordHasher hasher;
    private final Municipalities municipalities;
    private final Clock clock;

    Users(AppUserRepository repository, PasswordHasher hasher, Municipalities municipalities, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    public record NewUser(String username, String displayName, String password, Role role,
                          @Nullable String municipalityCode, @Nullable String wardCode, @Nullable String email) {
    }

    public AppUser create(NewUser user) {
        List<FieldError> errors = new ArrayList<>();
        if (user.username() == null || !user.username().matches("[a-z0-9._-]{3,64}")) {
            errors.add(new FieldError("username", "ユーザー名は半角英小文字・数字・「._-」の3〜64文字で入力してください"));
        }
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 100) {
            errors.add(new FieldError("displayName", "表示名を100文字以内で入力してください"));
        }
        if (user.password() == null || user.password().length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError("password", "パスワードは" + MIN_PASSWORD_LENGTH + "文字以上にしてください"));
        }
        if (user.role() == null) {
            errors.add(new FieldError("role", "役割を選んでください"));
        } else if (user.role() == Role.MUNICIPAL_OFFICER) {
            if (user.municipalityCode() == null || municipalities.municipality(user.municipalityCode()).isEmpty()) {
                errors.add(new FieldError("municipalityCode", "市町村防災担当には熊本県内の市町村コードが必要です"));
            }
            if (user.wardCode() != null && (!Municipalities.KUMAMOTO_CITY.equals(user.municipalityCode())
                    || municipalities.ward(user.wardCode()).isEmpty())) {
                errors.add(new FieldError("wardCode", "区を指定できるのは熊本市の区コード（43101〜43105）だけです"));
            }
        } else if (user.municipalityCode() != null || user.wardCode() != null) {
            errors.add(new FieldError("municipalityCode", "市町村を指定できるのは市町村防災担当だけです"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repository.existsByUsername(user.username())) {
            throw new ConflictException("ユーザー名「" + user.username() + "」は既に使われています");
        }
        return repository.save(new AppUser(null, user.username(), user.displayName(), hasher.hash(user.password()),
                user.role(), user.municipalityCode(), user.wardCode(), user.email(), true, 0, null, clock.instant(), null));
    }
}
