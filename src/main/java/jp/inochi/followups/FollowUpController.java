package jp.inochi.followups;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.lifecycle.Actor;

/** Follow-up tasks for the center: the open ones, one, and marking one done with a note. Reads are audited. */
@Tag(name = "要対応")
@Controller("/api/follow-ups")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class FollowUpController {
    private final FollowUps followUps;
    private final AuditLog auditLog;

    FollowUpController(FollowUps followUps, AuditLog auditLog) {
        this.followUps = followUps;
        this.auditLog = auditLog;
    }

    @Operation(summary = "対応済みでない要対応の項目（期限の早い順）")
    @Get
    List<FollowUp> open(Viewer viewer) {
        return read(viewer, "/api/follow-ups", followUps.open());
    }

    @Operation(summary = "要対応の項目1件")
    @Get("/{id}")
    FollowUp one(Viewer viewer, @PathVariable long id) {
        return read(viewer, "/api/follow-ups/{id}", List.of(followUps.get(id))).get(0);
    }

    @Operation(summary = "対応済みにする（何をしたかのメモが必要）")
    @Post("/{id}/done")
    FollowUp done(Viewer viewer, @PathVariable long id, @Body @Valid FollowUps.Done body) {
        return followUps.markDone(Actor.of(viewer), id, body);
    }

    private List<FollowUp> read(Viewer viewer, String resource, List<FollowUp> found) {
        auditLog.householdsRead(viewer, resource, found.stream().map(FollowUp::householdId).distinct()
                .map(h -> new HouseholdAccess(h, AccessBasis.CENTER)).toList());
        return found;
    }
}
