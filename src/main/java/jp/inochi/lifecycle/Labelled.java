package jp.inochi.lifecycle;

/** A state or action with the Japanese word staff see for it. */
public interface Labelled {

    String name();

    String label();

    /** The action's name in URLs and in problem documents: {@code START_REVIEW} → {@code start-review}. */
    default String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
