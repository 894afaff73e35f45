package jp.inochi.access;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import jakarta.inject.Inject;
import jp.inochi.platform.problem.InochiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar inochi.jar create-admin --username NAME [--display-name ...] [--email ...]}: creates a center
 * admin. The password is never an argument (arguments show in {@code ps} and shell history): it is asked twice on
 * the terminal without echo, or read as the first line of standard input when there is no terminal.
 * Works whether or not other admins exist (a recovery path); the creation is written to the audit log.
 */
@Command(name = CreateAdminCommand.NAME, mixinStandardHelpOptions = true,
        description = "センター管理者を作成します（パスワードは端末から入力、または標準入力の1行目）")
public final class CreateAdminCommand implements Callable<Integer> {
    public static final String NAME = "create-admin";
    static final int OK = 0;
    static final int REFUSED = 1;

    @Option(names = "--username", required = true, description = "ユーザー名（半角英小文字・数字・._-）")
    String username;

    @Option(names = "--display-name", defaultValue = "センター管理者", description = "表示名")
    String displayName;

    @Option(names = "--email", description = "メールアドレス（任意）")
    String email;

    @Inject
    Users users;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private InputStream input = System.in;

    /** Runs the command in a CLI context of its own (no HTTP server); returns the exit code. */
    public static int run(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder(CreateAdminCommand.class, Environment.CLI).start()) {
            return run(context, System.in, args);
        }
    }

    static int run(ApplicationContext context, InputStream input, String... args) {
        CommandLine commandLine = new CommandLine(CreateAdminCommand.class, new MicronautFactory(context));
        commandLine.setExecutionStrategy(parseResult -> {
            CreateAdminCommand command = parseResult.commandSpec().commandLine().getCommand();
            command.input = input;
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] password = readPassword(out, err);
        if (password == null) {
            return REFUSED;
        }
        try {
            AppUser admin = users.createAdmin(username, displayName, new String(password), email, "CLI " + NAME);
            out.println("センター管理者「" + admin.username() + "」を作成しました（ユーザーID " + admin.id() + "）");
            return OK;
        } catch (InochiException refused) {
            err.println("作成できませんでした: " + refused.detail() + " " + refused.extensions().getOrDefault("errors", ""));
            return REFUSED;
        } finally {
            Arrays.fill(password, ' ');
        }
    }

    private char[] readPassword(PrintWriter out, PrintWriter err) throws IOException {
        Console console = input == System.in ? System.console() : null;
        if (console != null) {
            char[] first = console.readPassword("パスワード: ");
            char[] second = console.readPassword("パスワード（確認）: ");
            if (first == null || !Arrays.equals(first, second)) {
                err.println("パスワードが一致しません");
                return null;
            }
            Arrays.fill(second, ' ');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            err.println("標準入力の1行目にパスワードを入れてください");
            return null;
        }
        return line.toCharArray();
    }
}
