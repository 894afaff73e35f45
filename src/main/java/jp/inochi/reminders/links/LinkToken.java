package jp.inochi.reminders.links;

import java.time.Instant;

/**
 * What a signed link in an email carries: its own id (a link is used once), the action it offers
 * ({@code plan-applied}...), the subject it is about (an id of the action's choosing) and when it expires.
 */
public record LinkToken(String id, String action, long subjectId, Instant expiresAt) {
}
