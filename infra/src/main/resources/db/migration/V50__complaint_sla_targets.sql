-- Each SLA clock's target in business seconds, as its last start or retarget gave it, so the view can tell a case
-- that is nearly due (less than a quarter of its target left). Rows written before this column hold null until the
-- "complaints" processor is replayed.
alter table complaint_case add column first_response_target_seconds bigint;
alter table complaint_case add column resolution_target_seconds bigint;
