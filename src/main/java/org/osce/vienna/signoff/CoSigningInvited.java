package org.osce.vienna.signoff;

import java.time.Instant;

/**
 * A delegation was invited to co-sign: its task "Decide on co-signing" ({@code taskId}) was created, for its heads,
 * to be decided by {@code dueAt}. One event per invited delegation, published in the transaction that creates the
 * task; whoever must be told listens (notification).
 *
 * @param lead the lead delegation's State code
 * @param addressee the code of the State the letter is addressed to
 * @param subject the case's subject as the lead gave it
 * @param delegation the invited delegation's State code
 */
public record CoSigningInvited(String reference, String label, String lead, String addressee, String subject,
    String delegation, Instant dueAt, String taskId) {}
