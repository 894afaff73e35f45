package jp.inochi.access;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.inochi.demo.DemoDataSet;

/** The documented demo users of gis/demo/users.csv, one per role, all with the demo password. */
@Singleton
final class DemoUsers implements DemoDataSet {
    private final Users users;
    private final AppUserRepository repository;
    private final String password;

    DemoUsers(Users users, AppUserRepository repository,
              @Value("${inochi.demo.password:inochi-demo-2026}") String password) {
        this.users = users;
        this.repository = repository;
        this.password = password;
    }

    @Override
    public String name() {
        return "users";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String load(Path demoDirectory) throws Exception {
        List<String> lines = Files.readAllLines(demoDirectory.resolve("users.csv"), StandardCharsets.UTF_8);
        int created = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (repository.existsByUsername(cells[0])) {
                continue;
            }
            users.create(new Users.NewUser(cells[0], cells[1], password, Role.valueOf(cells[2]),
                    blankToNull(cells[3]), blankToNull(cells[4]), null));
            created++;
        }
        return created + " users";
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
