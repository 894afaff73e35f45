package jp.inochi.reminders.outbox;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email's two parts from {@code src/main/resources/mail/<name>.txt} (plain text) and
 * {@code mail/<name>.html} (HTML, where every inserted value is escaped: write {@code th:text}, never
 * {@code th:utext}). Any feature's {@link MessageKind} uses it with its own templates.
 */
@Singleton
public class MailTemplates {
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    /** The same message as plain text and as HTML. */
    public record Rendered(String text, String html) {
    }

    public Rendered render(String name, Map<String, Object> model) {
        Context context = new Context(Locale.JAPAN, model);
        return new Rendered(text.process(name, context), html.process(name, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
