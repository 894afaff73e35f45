package jp.inochi.households;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.households.ConsentScopes.Consents;
import jp.inochi.platform.time.JapanTime;

/** Writes and reads the consent history; the caller's transaction covers the write, so change and history go together. */
@Singleton
public class ConsentHistory {
    private final ConsentChangeRepository changes;
    private final Clock clock;

    ConsentHistory(ConsentChangeRepository changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Records a row when the consents changed; {@code before} is null for a newly registered household. The ordinance
     * note is what staff confirmed of the municipality's rule, or the program's general note when they wrote none.
     */
    void recordIfChanged(Viewer viewer, long householdId, Consents before, Consents after, String agreedBy,
                         String ordinanceNote) {
        List<String> scopes = ConsentScopes.changed(before, after);
        if (scopes.isEmpty()) {
            return;
        }
        changes.save(new ConsentChange(null, householdId, ConsentScopes.effectiveOn(after, JapanTime.today(clock)),
                agreedBy, String.join("、", scopes), after.sharesWithMunicipality(), after.emailContact(),
                ordinanceNote == null || ordinanceNote.isBlank() ? ConsentScopes.ORDINANCE_NOTE : ordinanceNote.strip(),
                viewer.displayName(), clock.instant()));
    }

    /** Newest first. */
    public List<ConsentChange> of(long householdId) {
        return changes.findByHouseholdIdOrderByRecordedAtDesc(householdId);
    }
}
