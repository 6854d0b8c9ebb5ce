-- Every view exact whatever the commit order (README "Every view exact").

-- 1. The audit log keyed its rows on the processor's token position, which for an event that committed after one
--    with a higher global index is not the event's own index: such events were dropped, or (with several segments)
--    stored under another event's index. Its rows are keyed on the event's own index now; it rebuilds itself from
--    the first event at the next start (no token: the processor starts from the beginning of the store).
truncate audit_event;
delete from tokenentry where processorname = 'audit-log';

-- 2. How many events each segment of each view's processor has handled, written with its token in one
--    transaction (ViewEventCounts). The view verification compares it with the events stored that the processor's
--    positions cover and that it handles: a view that skipped an event shows there even when no row differs.
--    Views that already have a position were not counted: null (unknown) until their next replay.
create table view_event_count (
    processor_name  varchar(255) not null,
    segment         integer      not null,
    events          bigint,
    primary key (processor_name, segment)
);
insert into view_event_count (processor_name, segment, events)
select processorname, segment, null from tokenentry where processorname <> '__config';
