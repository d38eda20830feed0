-- Past invocations (issue 13): a case recorded afterwards, as it happened, rather than played through
-- the procedure here. The registry counts it like any other; the case API shows it as recorded.
-- Works on PostgreSQL and H2.
ALTER TABLE vm_case ADD COLUMN recorded BOOLEAN DEFAULT FALSE NOT NULL;
