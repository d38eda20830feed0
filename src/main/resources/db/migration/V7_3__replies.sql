-- Every reply of a case (second edition): the first, a late one after "no response", and supplementary
-- replies, each registered, assessed and listed on its own. vm_case keeps the first reply as before
-- (the case's `response`, the registry's counts); this table lists them all, in the order registered.
CREATE TABLE vm_reply (
    case_reference  VARCHAR(64)   NOT NULL REFERENCES vm_case (reference),
    seq             INTEGER       NOT NULL,   -- 1 = the first reply registered; more = supplementary
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reference       VARCHAR(200),
    summary         VARCHAR(100000),
    status          VARCHAR(16),              -- ON_TIME, LATE; empty until recorded
    days_late       INTEGER,
    substantive     BOOLEAN,                  -- empty until assessed
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_reference, seq)
);

-- Each reply's assessment, question by question.
CREATE TABLE vm_reply_assessment (
    case_reference  VARCHAR(64)  NOT NULL,
    reply_seq       INTEGER      NOT NULL,
    question_number INTEGER      NOT NULL,
    assessment      VARCHAR(16)  NOT NULL,   -- ANSWERED, PARTLY_ANSWERED, NOT_ANSWERED
    PRIMARY KEY (case_reference, reply_seq, question_number),
    FOREIGN KEY (case_reference, reply_seq) REFERENCES vm_reply (case_reference, seq)
);

-- The replies recorded before this version: one per case, the first.
INSERT INTO vm_reply (case_reference, seq, received_at, reference, summary, status, days_late, substantive,
    registered_at)
SELECT reference, 1, response_received_at, response_reference, response_summary, response_status,
    response_days_late, response_substantive, response_received_at
FROM vm_case WHERE response_received_at IS NOT NULL;

INSERT INTO vm_reply_assessment (case_reference, reply_seq, question_number, assessment)
SELECT a.case_reference, 1, a.question_number, a.assessment FROM vm_question_assessment a
WHERE EXISTS (SELECT 1 FROM vm_reply r WHERE r.case_reference = a.case_reference AND r.seq = 1);
