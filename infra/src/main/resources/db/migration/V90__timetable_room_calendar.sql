-- Command-side lookup of the timetable (issue 16): the rooms of each centre and the time each session (class,
-- party, event) holds in its room, so that a room is never double-booked. Written by a subscribing handler in the
-- transaction that appends the room's or session's events.
create table timetable_room (
    room_id   varchar(64)  not null primary key,
    centre    varchar(40)  not null,
    name      varchar(100) not null,
    name_key  varchar(100) not null,
    kind      varchar(20)  not null,
    capacity  integer      not null
);
create index timetable_room_centre_name on timetable_room (centre, name_key);

create table room_booking (
    session_id  varchar(64) not null primary key,
    centre      varchar(40) not null,
    room_id     varchar(64) not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    credits     integer     not null,
    active      boolean     not null
);
create index room_booking_room_time on room_booking (room_id, starts_at, ends_at) where active;
