-- The case list (GET /api/cases) read a page at a time in SQL (issue 14, "Reads that scale"): newest
-- first, then by reference; optionally of one addressee and in one status; for a delegation, only the
-- cases it leads or is invited to co-sign (casefile/CaseRecords.page). An index for each way the list is
-- cut, so that a page is read from an index in its order rather than by sorting every case; and for a
-- delegation's cases, indexes by State on the tables that say who is concerned. Works on PostgreSQL and H2.

-- Every case, and a status's cases (the common filter), newest first.
CREATE INDEX vm_case_started ON vm_case (started_at DESC, reference);
CREATE INDEX vm_case_status_started ON vm_case (status, started_at DESC, reference);
-- An addressee's cases, newest first: takes the place of the index on the addressee alone.
CREATE INDEX vm_case_addressee_started ON vm_case (addressee_state, started_at DESC, reference);
DROP INDEX vm_case_addressee;

-- The cases a delegation leads, signs or is invited to: found from the State.
CREATE INDEX vm_case_lead ON vm_case (lead_delegation);
CREATE INDEX vm_signatory_state ON vm_signatory (state_code, case_reference);
CREATE INDEX vm_invitation_state ON vm_invitation (state_code, case_reference);
