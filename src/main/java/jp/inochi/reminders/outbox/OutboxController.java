package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.lifecycle.Actor;
import jp.inochi.reminders.model.Recipient;

@Tag(name = "メール送信（アウトボックス）")
@Controller("/api/outbox")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxController {
    private final Outbox outbox;
    private final OutboxDelivery delivery;
    private final AuditLog auditLog;

    OutboxController(Outbox outbox, OutboxDelivery delivery, AuditLog auditLog) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.auditLog = auditLog;
    }

    /** A message's status, without its address or text (those are in the detail, whose reading is audited). */
    @Serdeable
    record MessageSummary(long id, String kind, Recipient recipient, @Nullable Long householdId,
                          @Nullable LocalDate digestOn, @Nullable Long resendOf, MessageState state, String stateLabel,
                          int attempts, Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable String lastError,
                          @Nullable Instant sentAt, boolean redelivered, @Nullable String outcomeNote, Instant createdAt) {

        static MessageSummary of(OutboxMessage m) {
            return new MessageSummary(m.id(), m.kind(), m.recipient(), m.householdId(), m.digestOn(), m.resendOf(),
                    m.state(), m.state().label(), m.attempts(), m.nextAttemptAt(), m.lastAttemptAt(), m.lastError(),
                    m.sentAt(), m.redelivered(), m.outcomeNote(), m.createdAt());
        }
    }

    @Serdeable
    record MessageDetail(MessageSummary status, @Nullable String sentTo, @Nullable String subject,
                         @Nullable String bodyText, @Nullable String bodyHtml, List<OutboxAttempt> attempts) {
    }

    @Operation(summary = "送信待ち・送信済み・失敗したメールの一覧（新しい順。backlog で予定時刻前／送信中・再送待ちに絞り込み）")
    @Get
    List<MessageSummary> list(@Nullable @QueryValue MessageState state, @Nullable @QueryValue Backlog backlog,
                              @Nullable @QueryValue String kind,
                              @Nullable @QueryValue Long householdId,
                              @QueryValue(defaultValue = "0") @Min(0) int page,
                              @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return outbox.search(state, backlog, kind, householdId, page, size).stream().map(MessageSummary::of).toList();
    }

    @Operation(summary = "件数：送信待ち（予定時刻前）、送信中・再送待ち（0なら送るべきものはすべて送信済み）、状態ごと")
    @Get("/counts")
    OutboxCounts counts() {
        return outbox.counts();
    }

    @Operation(summary = "メールの詳細：状態、試行の記録、送信した宛先と本文")
    @Get("/{id}")
    MessageDetail get(Viewer viewer, long id) {
        OutboxMessage message = outbox.get(id);
        if (message.householdId() != null) {
            auditLog.householdsRead(viewer, "/api/outbox/{id}",
                    List.of(new HouseholdAccess(message.householdId(), AccessBasis.CENTER)));
        }
        return new MessageDetail(MessageSummary.of(message), message.sentTo(), message.subject(), message.bodyText(),
                message.bodyHtml(), outbox.attempts(id));
    }

    @Operation(summary = "メールを再送する（送信済み・送信失敗・取消のメールを、その時点の内容で新しく送る）")
    @Post("/{id}/resend")
    HttpResponse<MessageSummary> resend(Viewer viewer, long id) {
        return HttpResponse.created(MessageSummary.of(outbox.resend(Actor.of(viewer), id)));
    }

    @Operation(summary = "送信待ちのメールを今すぐ送る（管理者。通常は30秒ごとに自動で送ります）")
    @Secured(Roles.CENTER_ADMIN)
    @Post("/deliver")
    OutboxDelivery.DeliveryReport deliver() {
        return delivery.deliverReady();
    }
}
