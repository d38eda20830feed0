-- The plans of the case API's reads and the outbox's, on a database the benchmark left behind (docs/performance.md):
--   psql -h 127.0.0.1 -U postgres -d bench_application -f bench/explain.sql
-- One delivered case of the 2021 size is the case read; GB (the lead of every benchmark case) and DE (a co-signer)
-- are the delegation whose list is read.
\pset pager off
SELECT c.reference AS ref, c.process_instance_id AS pid FROM vm_case c
  WHERE c.status = 'CLOSED' ORDER BY c.started_at DESC LIMIT 1 \gset
\echo '== Case view (api/CaseViews): the case, then each of its tables once'
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vm_case WHERE reference = :'ref';
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vm_signatory WHERE case_reference = :'ref'
  ORDER BY CASE WHEN role = 'LEAD' THEN 0 ELSE 1 END, state_code;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vm_open_task WHERE process_instance_id = :'pid' ORDER BY created_at, task_id;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vm_composed_letter WHERE case_reference = :'ref' ORDER BY id;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vm_reply WHERE case_reference = :'ref' ORDER BY received_at, seq;
EXPLAIN (ANALYZE, COSTS OFF) SELECT question_number, assessment FROM vm_reply_assessment
  WHERE case_reference = :'ref' AND reply_seq = 1 ORDER BY question_number;
EXPLAIN (ANALYZE, COSTS OFF) SELECT action FROM vm_follow_up_action WHERE case_reference = :'ref' ORDER BY id;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vm_meeting WHERE case_reference = :'ref' ORDER BY id;
EXPLAIN (ANALYZE, COSTS OFF) SELECT id, name FROM vm_document WHERE case_reference = :'ref' ORDER BY added_at, id;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vm_timeline WHERE case_reference = :'ref' ORDER BY id;
\echo '== Case list (casefile/CaseRecords.page): a 50-case page and its total'
EXPLAIN (ANALYZE, COSTS OFF) SELECT c.* FROM vm_case c ORDER BY c.started_at DESC, c.reference LIMIT 50 OFFSET 0;
EXPLAIN (ANALYZE, COSTS OFF) SELECT c.* FROM vm_case c WHERE c.status = 'AWAITING_RESPONSE'
  ORDER BY c.started_at DESC, c.reference LIMIT 50 OFFSET 0;
EXPLAIN (ANALYZE, COSTS OFF) SELECT COUNT(*) FROM vm_case c WHERE c.status = 'AWAITING_RESPONSE';
\echo '== A delegation (DE) sees the cases it leads, co-signs, or is invited to in the draft'
EXPLAIN (ANALYZE, COSTS OFF) SELECT c.* FROM vm_case c WHERE (c.lead_delegation IN ('DE')
  OR EXISTS (SELECT 1 FROM vm_signatory s WHERE s.case_reference = c.reference AND s.state_code IN ('DE'))
  OR (c.status = 'DRAFTING' AND NOT EXISTS (SELECT 1 FROM vm_signatory s WHERE s.case_reference = c.reference)
      AND EXISTS (SELECT 1 FROM vm_invitation i WHERE i.case_reference = c.reference AND i.state_code IN ('DE'))))
  ORDER BY c.started_at DESC, c.reference LIMIT 50 OFFSET 0;
\echo '== The outbox: what is due, and the backlog the health check and the metrics read'
EXPLAIN (ANALYZE, COSTS OFF) SELECT id, attempts FROM vm_notification
  WHERE status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= now()) ORDER BY id LIMIT 50;
EXPLAIN (ANALYZE, COSTS OFF) SELECT id, attempts FROM vm_notification
  WHERE status = 'SENDING' AND claimed_at <= now() - interval '5 minutes' ORDER BY id LIMIT 50;
EXPLAIN (ANALYZE, COSTS OFF) SELECT COUNT(*), MIN(created_at) FROM vm_notification WHERE status IN ('PENDING', 'SENDING');
