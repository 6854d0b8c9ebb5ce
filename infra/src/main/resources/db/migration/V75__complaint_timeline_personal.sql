-- Complaint free text (notes, comments, reasons, summaries) is sealed in the events from revision 2 on. The timeline
-- keeps it opened apart from the other details, so it is shown only to the roles that see personal data and is
-- replaced by '[erased]' when the member who complained is erased. Rows written before move their free text there
-- (the escalation's "reason" is a code, not free text, and stays).
alter table complaint_timeline add column personal jsonb;

update complaint_timeline
set personal = nullif(jsonb_strip_nulls(jsonb_build_object(
        'text', details -> 'text', 'summary', details -> 'summary', 'comment', details -> 'comment',
        'notes', details -> 'notes', 'note', details -> 'note',
        'reason', case when type = 'ComplaintEscalated' then null else details -> 'reason' end)), '{}'::jsonb),
    details = details - 'text' - 'summary' - 'comment' - 'notes' - 'note'
              - (case when type = 'ComplaintEscalated' then '' else 'reason' end);
