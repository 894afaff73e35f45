package jp.inochi.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Helpers every template has. {@code #badge.of(state)} is the CSS class of a state's badge ({@link Badges}).
 * {@code #wareki} in every template, so every screen writes dates the same way: {@code ${#wareki.date(d)}} gives
 * 令和8年5月10日（2026年5月10日）, {@code ${#wareki.time(instant)}} adds the time in Japan.
 */
@Singleton
final class UiDialect extends AbstractDialect implements IExpressionObjectDialect,
        BeanCreatedEventListener<TemplateEngine> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    static final Wareki WAREKI = new Wareki();
    private static final Badge BADGE = new Badge();
    private static final Fields FIELDS = new Fields();

    UiDialect() {
        super("inochi-ui");
    }

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        TemplateEngine engine = event.getBean();
        engine.addDialect(this);
        return engine;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("wareki", "badge", "fields");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return switch (name) {
                    case "badge" -> BADGE;
                    case "fields" -> FIELDS;
                    default -> WAREKI;
                };
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    /** The methods templates call. */
    public static final class Wareki {
        /** 令和8年5月10日（2026年5月10日）, or "—" for no date. */
        public String date(LocalDate date) {
            return date == null ? "—" : JapaneseDates.withGregorian(date);
        }

        /** 令和8年5月10日（2026年5月10日） 14:05, in Japan. */
        public String time(Instant instant) {
            if (instant == null) {
                return "—";
            }
            var local = instant.atZone(JapanTime.ZONE);
            return JapaneseDates.withGregorian(local.toLocalDate()) + " " + TIME.format(local);
        }

        /** R8.5.10, for narrow table cells (the full form goes into the title attribute). */
        public String shortDate(LocalDate date) {
            return date == null ? "—" : JapaneseDates.warekiShort(date);
        }

        /** "あと12日", "今日", "3日超過". */
        public String daysLeft(long days) {
            if (days == 0) {
                return "今日が期限";
            }
            return days > 0 ? "あと" + days + "日" : (-days) + "日超過";
        }
    }

    /** {@code #badge.of(state)}. */
    public static final class Badge {
        public String of(Object state) {
            if (state instanceof Enum<?> e) {
                return Badges.of(e);
            }
            return state == null ? Badges.of((Enum<?>) null) : Badges.of(String.valueOf(state));
        }
    }

    /**
     * {@code #fields.label(name)}: a form field's name in words for the error summary, from {@code i18n/ui.properties}
     * ({@code field.<name>}; {@code guardians[1].email} is 保護者のメールアドレス（2人目）).
     */
    public static final class Fields {
        public String label(String field) {
            java.util.regex.Matcher indexed = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(field);
            String key = field.replaceAll("\\[\\d+]", "");
            String nth = indexed.find() && !indexed.group(1).equals("0") ? "（" + (Integer.parseInt(indexed.group(1)) + 1) + "人目）" : "";
            for (String candidate = key; !candidate.isEmpty(); candidate = candidate.contains(".")
                    ? candidate.substring(0, candidate.lastIndexOf('.')) : "") {
                if (UiText.has("field." + candidate)) {
                    return UiText.of("field." + candidate) + nth;
                }
            }
            return "";
        }
    }
}
