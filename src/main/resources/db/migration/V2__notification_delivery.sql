-- Sending the notices by e-mail (issue 4). A row is PENDING until the mail server has accepted
-- it (SENT); a sender marks the row SENDING while it sends. A failed attempt puts the row back to
-- PENDING with the next attempt's time. Works on PostgreSQL and H2.

-- The Message-ID the message is sent with, every time: <vm-notification-{id}@vienna-mechanism>
-- for the outbox (set right after the insert, in the same transaction, as it needs the id),
-- <vm-letter-{reference}@vienna-mechanism> for a letter sent by e-mail.
ALTER TABLE vm_notification ADD COLUMN message_id VARCHAR(255);
-- Attempts begun so far (a crashed attempt counts too).
ALTER TABLE vm_notification ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
-- When a sender claimed the row (SENDING); a claim older than the claim timeout is taken over.
ALTER TABLE vm_notification ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
-- Not before this time (back-off after a failure); NULL = at once.
ALTER TABLE vm_notification ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE vm_notification ADD COLUMN last_error VARCHAR(2000);
-- A calendar entry (iCalendar text) sent with the notice, and its file name.
ALTER TABLE vm_notification ADD COLUMN ics_name VARCHAR(200);
ALTER TABLE vm_notification ADD COLUMN ics VARCHAR(100000);

UPDATE vm_notification SET message_id = CONCAT('<vm-notification-', CAST(id AS VARCHAR(20)), '@vienna-mechanism>');

CREATE INDEX vm_notification_due ON vm_notification (status, next_attempt_at);
