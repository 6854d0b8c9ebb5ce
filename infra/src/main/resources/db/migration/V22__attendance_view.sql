-- Attendance read model (query side); rebuilt by replaying the "attendance" processor. No personal data.
create table attendance_member (
    member_id  varchar(64) not null primary key,
    centre     varchar(40) not null
);

-- How each member's place in each class session (class and scheduled start) was settled.
create table attendance_mark (
    member_id        varchar(64)  not null,
    session_key      varchar(200) not null,
    centre           varchar(40)  not null,
    class_code       varchar(100) not null,
    scheduled_start  timestamptz  not null,
    room             varchar(50),
    status           varchar(20)  not null,
    credit_consumed  boolean      not null,
    recorded_at      timestamptz  not null,
    recorded_by      varchar(100) not null,
    primary key (member_id, session_key)
);
create index attendance_mark_centre_start on attendance_mark (centre, scheduled_start);
