-- The application's own record of each case, readable without the engine's history.
CREATE TABLE vm_case (
    reference        VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    subject          VARCHAR(200) NOT NULL,
    lead_delegation  CHAR(2)      NOT NULL,
    addressee_state  CHAR(2)      NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    started_by       VARCHAR(255),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
