package jp.inochi.reminders.links;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * Something a family can do from a signed link in an email, without signing in (the reminders' "申請しました" and
 * "点検の日程を希望します"; the safety check's 無事 / 避難済み / 電源が必要 / 支援が必要 later). A feature adds one as a
 * bean; {@link SignedLinks} makes its links and the family page ({@code /family/links/{token}}) shows and applies it.
 * Opening a link only shows the page (mail scanners open links); the family's button press applies it, once.
 */
public interface LinkAction {

    /** The action's name in the token: lower case letters, digits and dashes. */
    String name();

    /** What the page shows before the family confirms; a missing subject throws {@link LinkRefusedException}. */
    Page page(LinkToken token);

    /**
     * Does it, inside the transaction that records the link as used (so it happens once or not at all), and says
     * what the family sees afterwards. {@code comment} is what the family typed, if the page asks for it.
     */
    Page apply(LinkToken token, @Nullable String comment, Instant at);

    /**
     * A page for the family: a title, paragraphs, and (before confirming) the button's label and whether a short
     * comment may be written. A page may name the comment itself ({@code commentLabel}, e.g. the name of the person
     * agreeing) and require it: then the button does nothing until it is filled in.
     */
    record Page(String title, List<String> paragraphs, @Nullable String button, boolean asksForComment,
                @Nullable String commentLabel, boolean commentRequired) {

        public Page(String title, List<String> paragraphs, @Nullable String button, boolean asksForComment) {
            this(title, paragraphs, button, asksForComment, null, false);
        }

        /** A page that asks for one short required entry (e.g. a name), labelled as given. */
        public static Page asking(String title, List<String> paragraphs, String button, String label) {
            return new Page(title, paragraphs, button, true, label, true);
        }

        public static Page done(String title, List<String> paragraphs) {
            return new Page(title, paragraphs, null, false);
        }
    }
}
