package jp.inochi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;

/**
 * The second step before an action with large effects (approve, decide, hand over, end, email many families): the
 * first post shows the page again with what will happen and to how many, and a button that posts the same fields
 * with {@code confirmed=yes}; nothing is written before that. Plain HTML, so it works without JavaScript
 * ({@code views/fragments/confirm.html}, drawn by the layout above every page's content).
 */
public record Confirmation(String formName, String action, String question, List<String> consequences, String yes,
                           String cancelHref, List<Field> fields, @Nullable Choice choice,
                           @Nullable MessagePreview preview) {
    static final String FIELD = "confirmed";
    static final String YES = "yes";

    /** A field posted again as it was typed. */
    public record Field(String name, String value) {
    }

    /** A question the second step asks (radio buttons, the first chosen unless the form said otherwise). */
    public record Choice(String name, String legend, List<Option> options, String chosen) {
    }

    /** One answer to a {@link Choice}. */
    public record Option(String value, String label) {
    }

    /** A message to many families, shown as one of them will receive it. */
    public record MessagePreview(String to, String subject, String body) {
    }

    /** Ask first: the person has not said yes yet, and the form could be read (else its errors come first). */
    public static boolean isNeededFor(Form form) {
        return !form.confirmed() && !form.hasErrors();
    }

    /**
     * @param question 「〜します。よろしいですか？」
     * @param yes      the button, 「はい、〜する」
     */
    public static Confirmation of(Form form, String action, String question, String yes, String cancelHref,
                                  List<String> consequences) {
        List<Field> fields = form.posted().entrySet().stream().map(e -> new Field(e.getKey(), e.getValue())).toList();
        return new Confirmation(form.name(), action, question, List.copyOf(consequences), yes, cancelHref, fields, null, null);
    }

    /** The same step asking {@code legend} too; what was posted for {@code name} is chosen, else the first option. */
    public Confirmation asking(Form form, String name, String legend, List<Option> options) {
        String posted = form.posted().get(name);
        String chosen = options.stream().map(Option::value).filter(value -> value.equals(posted)).findFirst()
                .orElse(options.get(0).value());
        return new Confirmation(formName, action, question, consequences, yes, cancelHref,
                fields.stream().filter(field -> !field.name().equals(name)).toList(),
                new Choice(name, legend, List.copyOf(options), chosen), preview);
    }

    /** With the message shown before it goes. */
    public Confirmation showing(MessagePreview message) {
        return new Confirmation(formName, action, question, consequences, yes, cancelHref, fields, choice, message);
    }

    /** With a field the page adds (posted again with the yes), replacing one of that name. */
    public Confirmation with(String name, String value) {
        List<Field> more = new java.util.ArrayList<>(fields.stream().filter(f -> !f.name().equals(name)).toList());
        more.add(new Field(name, value));
        return new Confirmation(formName, action, question, consequences, yes, cancelHref, List.copyOf(more), choice,
                preview);
    }

    /** The page, with this confirmation above its content. */
    public ModelAndView<Map<String, Object>> over(ModelAndView<Map<String, Object>> page) {
        page.getModel().ifPresent(model -> model.put("confirmation", this));
        return page;
    }

    public String confirmField() {
        return FIELD;
    }

    public String confirmValue() {
        return YES;
    }
}
