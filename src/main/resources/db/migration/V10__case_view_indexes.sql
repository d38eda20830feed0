-- A case view (GET /api/cases/{reference}, api/CaseViews) reads each of the case's tables by its reference. The
-- meetings and the follow-up actions had no index for it: each view read both tables whole, a cost growing with
-- the registry (EXPLAIN in docs/performance.md). Works on PostgreSQL and H2.
CREATE INDEX vm_meeting_case ON vm_meeting (case_reference, id);
CREATE INDEX vm_follow_up_action_case ON vm_follow_up_action (case_reference, id);
