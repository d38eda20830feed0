-- The outbox finds its rows by id (the primary key) or, for what is still to send, by the index of the waiting
-- rows (V11). The two indexes that begin with the status served nothing else, and each notice left an entry in both
-- under each status it had had, until vacuum: PostgreSQL read the notices a claim had won back through them, past
-- every notice claimed since the last vacuum (in the benchmark about 2,900 blocks and 6 to 9 ms for 50 notices; by
-- id, 70 to 230 blocks and 0.2 ms), and each of a notice's three writes (queued, claimed, sent) went into both
-- (docs/performance.md, thirteenth round). H2 keeps them: it has no partial index (db/vendor/h2).
DROP INDEX vm_notification_due;
DROP INDEX vm_notification_status;
