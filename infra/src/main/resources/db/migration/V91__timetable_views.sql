-- The timetable views (issue 16): each session of the timetable with its room, teacher and latest head-count, and
-- each member's place in it. Both tables are written only from a session's own events, which reach the view in
-- order, so the rows do not depend on the order in which appends of different sessions commit.
create table timetable_session (
    session_id         varchar(64)  not null primary key,
    centre             varchar(40)  not null,
    kind               varchar(10)  not null,
    template_id        varchar(64),
    title              varchar(100) not null,
    room_id            varchar(64)  not null,
    room_name          varchar(100) not null,
    teacher            varchar(100),
    starts_at          timestamptz  not null,
    ends_at            timestamptz  not null,
    places             integer      not null,
    credits            integer      not null,
    cancelled          boolean      not null default false,
    head_count         integer,
    head_count_expected integer,
    head_count_mismatch boolean     not null default false,
    head_counted_at    timestamptz
);
create index timetable_session_centre_start on timetable_session (centre, starts_at);
create index timetable_session_template on timetable_session (template_id, starts_at) where template_id is not null;

-- status: BOOKED, WAITING, PRESENT, ON_LEAVE, NO_SHOW, CANCELLED; seq: the session event that set it (waitlist order)
create table timetable_attendee (
    session_id  varchar(64) not null,
    member_id   varchar(64) not null,
    status      varchar(12) not null,
    walk_in     boolean     not null default false,
    was_waiting boolean     not null default false,
    seq         bigint      not null,
    primary key (session_id, member_id)
);
create index timetable_attendee_member on timetable_attendee (member_id);
