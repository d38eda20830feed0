package org.osce.vienna.response;

import java.time.Instant;

/**
 * The reply is due today ({@code dueAt}) and none is registered yet: the lead delegation is reminded, with its
 * task "Register the response" ({@code taskId}). Published in the reminder step's transaction; whoever must be
 * told listens (notification).
 *
 * @param lead the lead delegation's State code
 * @param addressee the code of the State whose reply is awaited
 */
public record ResponseReminderDue(String reference, String label, String lead, String addressee, String subject,
    Instant dueAt, String taskId) {}
