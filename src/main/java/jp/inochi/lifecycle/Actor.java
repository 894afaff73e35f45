package jp.inochi.lifecycle;

import io.micronaut.core.annotation.Nullable;
import jp.inochi.access.Viewer;

/** Who took a step: a signed-in person, or the service itself (a sweep, an event reaction). */
public record Actor(@Nullable Viewer viewer) {
    public static final Actor SYSTEM = new Actor(null);

    public static Actor of(Viewer viewer) {
        return new Actor(viewer);
    }

    public boolean isSystem() {
        return viewer == null;
    }

    @Nullable
    public Long userId() {
        return viewer == null ? null : viewer.userId();
    }

    public String username() {
        return viewer == null ? "system" : viewer.username();
    }

    public String roleName() {
        return viewer == null ? "SYSTEM" : viewer.role().name();
    }
}
