-- One message per recipient (issue 12): each recipient of a notice gets a message of its own, with its
-- own To: and Message-ID, sent, retried and recorded in a row of its own, so that a crash between two
-- recipients neither loses nor repeats one. From this version a row's "recipients" names one recipient;
-- rows sent before it went to several at once and keep naming them all. Works on PostgreSQL and H2.

-- A notice that names a deadline (the invitation to co-sign) says something else when it can only be
-- sent after that deadline (the mail server was down until then): these words, chosen at sending time.
ALTER TABLE vm_notification ADD COLUMN deadline_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE vm_notification ADD COLUMN late_subject VARCHAR(500);
ALTER TABLE vm_notification ADD COLUMN late_body VARCHAR(100000);

-- Notices queued before this version and not yet sent: one row per recipient instead of one for all,
-- each to be sent at once. (A row a sender had claimed when the application stopped may have reached the
-- mail server already; its recipients then get the message a second time, under a new Message-ID.)
INSERT INTO vm_notification (case_reference, event, recipients, subject, body, status, created_at, attempts,
    ics_name, ics)
WITH RECURSIVE split (id, recipient, rest) AS (
    SELECT id, CAST(NULL AS VARCHAR(4000)), CAST(CONCAT(recipients, ',') AS VARCHAR(4000))
      FROM vm_notification
     WHERE status <> 'SENT' AND recipients LIKE '%,%'
    UNION ALL
    SELECT id, CAST(TRIM(SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1)) AS VARCHAR(4000)),
           CAST(SUBSTRING(rest FROM POSITION(',' IN rest) + 1) AS VARCHAR(4000))
      FROM split
     WHERE rest <> ''
)
SELECT n.case_reference, n.event, s.recipient, n.subject, n.body, 'PENDING', n.created_at, 0, n.ics_name, n.ics
  FROM split s JOIN vm_notification n ON n.id = s.id
 WHERE s.recipient IS NOT NULL AND s.recipient <> ''
 ORDER BY n.id, s.recipient;

UPDATE vm_notification SET message_id = CONCAT('<vm-notification-', CAST(id AS VARCHAR(20)), '@vienna-mechanism>')
 WHERE message_id IS NULL;

DELETE FROM vm_notification WHERE status <> 'SENT' AND recipients LIKE '%,%';
