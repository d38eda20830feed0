-- The notices still to send (pending, or claimed by a sender), by id: the outbox's read of what is due
-- (NotificationOutbox.DUE_PENDING / DUE_SENDING) goes straight to the oldest of them. With only the index
-- by status and id, PostgreSQL walks the primary key from the oldest sent row once a backlog is most of
-- the table (after a mail outage, or the invocation notices of many cases at once): 20,000 sent rows read
-- on every pass, 46 ms, in the benchmark (docs/performance.md). H2 has no partial index: db/vendor/h2.
CREATE INDEX vm_notification_waiting ON vm_notification (id) WHERE status IN ('PENDING', 'SENDING');
