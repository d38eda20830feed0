package org.osce.vienna.signoff;

import java.time.Instant;

/**
 * An invited delegation had not decided on co-signing when the reminder came, before the sign-off deadline
 * ({@code dueAt}); its task "Decide on co-signing" ({@code taskId}) is still open. One event per such delegation,
 * published in the reminder step's transaction; whoever must be told listens (notification).
 *
 * @param lead the lead delegation's State code
 * @param addressee the code of the State the letter is addressed to
 * @param delegation the undecided delegation's State code
 */
public record CoSigningReminderDue(String reference, String label, String lead, String addressee, String subject,
    String delegation, Instant dueAt, String taskId) {}
