-- Second edition, bilateral meetings and the Moscow Mechanism. A sub-version (7.1) because other
-- changes of the same edition are numbered alongside; each only adds.
-- Where the meeting takes place, agreed with its date; and when it was flagged as set after its
-- one-week target (the target is for holding the meeting, Moscow Document para 2).
ALTER TABLE vm_meeting ADD COLUMN place VARCHAR(500);
ALTER TABLE vm_meeting ADD COLUMN after_target_flagged_at TIMESTAMP WITH TIME ZONE;
-- The States supporting the lead in invoking the Moscow Mechanism (para 12), as chosen with the
-- MOSCOW_MECHANISM action: codes separated by commas; null for any other action.
ALTER TABLE vm_follow_up_action ADD COLUMN supporters VARCHAR(400);
