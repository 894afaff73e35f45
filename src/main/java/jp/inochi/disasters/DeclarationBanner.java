package jp.inochi.disasters;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import jp.inochi.access.Viewer;
import jp.inochi.web.ActiveDeclarations;

/** Tells the page header which active declaration widens what an officer sees. */
@Singleton
final class DeclarationBanner implements ActiveDeclarations {
    private final Declarations declarations;

    DeclarationBanner(Declarations declarations) {
        this.declarations = declarations;
    }

    @Override
    public Optional<Banner> latest(Viewer viewer, Instant now) {
        return declarations.visibleTo(viewer).stream().filter(d -> d.status(now) == DeclarationStatus.ACTIVE)
                .findFirst().map(d -> new Banner(d.hazardType().label(), d.effectiveEnd()));
    }
}
