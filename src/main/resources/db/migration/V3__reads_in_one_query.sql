-- What the case API reads, in the application's own tables, so that each read is one query
-- (issue "Reads without retries"). Works on PostgreSQL and H2.
--
-- Rows for what was open before this version (the draft invitations of cases being drafted, the
-- open tasks) are copied from the engine at the first start, not here: the invitations are Spin
-- JSON in act_ru_variable and the candidate groups are in act_ru_identitylink, which SQL cannot
-- read portably and must not assume (drafting/DraftInvitationsBackfill, engine/OpenTasksBackfill).

-- The draft's invitations to co-sign, as last set (at the start of the case, or when the draft is
-- submitted): with vm_signatory after the round opens, they say which delegations may see a case.
CREATE TABLE vm_invitation (
    case_reference  VARCHAR(64)  NOT NULL REFERENCES vm_case (reference),
    state_code      VARCHAR(2)   NOT NULL,
    PRIMARY KEY (case_reference, state_code)
);

-- The open user tasks as the engine's task listeners record them, in the engine's transaction: a
-- row from the task's creation to its completion or deletion, kept up to date on each claim,
-- assignment and update (engine/OpenTasks).
CREATE TABLE vm_open_task (
    task_id             VARCHAR(64)    NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)    NOT NULL,
    task_key            VARCHAR(255),
    name                VARCHAR(4000),
    candidate_group     VARCHAR(255),
    assignee            VARCHAR(255),
    due_at              TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX vm_open_task_instance ON vm_open_task (process_instance_id, created_at);
