-- Documents kept with the case (issue 13): the reply's files, annexes, our note verbale, any other
-- paper, uploaded over the case API. Kept here rather than as engine variables so that they outlive
-- the engine's history and are read without it. Works on PostgreSQL (bytea) and H2 (BYTEA is its
-- BINARY VARYING, up to 1 GB; a file here is at most 20 MB).
CREATE TABLE vm_document (
    -- A random UUID: the download address cannot be guessed from another document's.
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_reference  VARCHAR(64)   NOT NULL REFERENCES vm_case (reference),
    name            VARCHAR(255)  NOT NULL,
    media_type      VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    kind            VARCHAR(16)   NOT NULL,   -- REPLY, ANNEX, NOTE_VERBALE, OTHER
    -- SHA-256 of the content, hex: a copy can be checked against the one kept.
    sha256          VARCHAR(64)   NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by        VARCHAR(255)  NOT NULL,
    content         BYTEA         NOT NULL
);
CREATE INDEX vm_document_case ON vm_document (case_reference, added_at);
