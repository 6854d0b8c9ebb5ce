-- A visit can be claimed by more than one member: by its own link (MemberLinkedEvent, at most one per visit) and by
-- any member whose enrolment names it (the visit then refuses a second link, the enrolment stays). These events
-- belong to different aggregates, so they may reach a view, and commit, in any order; what follows from them must
-- not depend on that order (README "Every view exact").

-- Command side: every claim is kept, so erasing any of the members destroys the visit's key, whichever claim
-- committed last (one row per visit let the last claim overwrite the others).
alter table member_visit drop constraint member_visit_pkey;
alter table member_visit add primary key (visit_id, member_id);

-- Sales and member timelines name one member per visit: the visit's own link wins over enrolments' claims (and
-- among those, the smallest member id), so the row no longer depends on which event arrived last.
alter table sales_visit add column linked boolean not null default false;
alter table member_timeline_visit add column linked boolean not null default false;

-- Reception: every member who claimed a visit, so erasing any of them clears the visit's personal data from the view.
create table reception_visit_member (
    visit_id   varchar(64) not null,
    member_id  varchar(64) not null,
    primary key (visit_id, member_id)
);
create index reception_visit_member_member on reception_visit_member (member_id);

-- The three views rebuild themselves from the first event at the next start with these rules (no token: their
-- processors start from the beginning of the store), and are counted from there (V60).
truncate sales_entry, sales_member, sales_visit, sales_credit_pack, sales_refund_request;
truncate member_timeline, member_timeline_visit, member_package_refund, member_package, member_profile;
truncate reception_message, reception_visit;
delete from tokenentry where processorname in ('sales', 'members', 'reception');
delete from view_event_count where processor_name in ('sales', 'members', 'reception');
