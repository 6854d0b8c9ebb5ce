-- Shift read models (query side): roster, staff attendance and head-counts; rebuilt by replaying "shifts".
-- One row per shift. Clock times are the effective ones (after corrections); *_original keep what was clocked.
-- Reports read punctuality, hours and checklist completion per staff member and centre over roster days from
-- these tables: see the staff attendance query.
create table shift_roster (
    shift_id           varchar(64)  not null primary key,
    centre             varchar(40)  not null,
    staff              varchar(100) not null,
    shift_date         date         not null,
    post               varchar(40)  not null,
    post_name          varchar(200) not null,
    planned_start      timestamptz  not null,
    planned_end        timestamptz  not null,
    scheduled_by       varchar(100) not null,
    scheduled_at       timestamptz  not null,
    cancelled          boolean      not null default false,
    cancelled_by       varchar(100),
    cancelled_at       timestamptz,
    clock_in           timestamptz,
    clock_in_original  timestamptz,
    clocked_in_by      varchar(100),
    minutes_late       integer,
    clock_out          timestamptz,
    clock_out_original timestamptz,
    clocked_out_by     varchar(100)
);
create index shift_roster_centre_day on shift_roster (centre, shift_date);
create index shift_roster_centre_staff_day on shift_roster (centre, staff, shift_date);

-- The post's checklist as the shift was given it, and what was ticked.
create table shift_checklist (
    shift_id   varchar(64)  not null,
    item       varchar(60)  not null,
    label      varchar(200) not null,
    closing    boolean      not null,
    position   integer      not null,
    ticked_at  timestamptz,
    ticked_by  varchar(100),
    primary key (shift_id, item)
);

-- Supervisors' clock-time corrections, keyed by the event's sequence in the shift.
create table shift_correction (
    shift_id        varchar(64)  not null,
    sequence        bigint       not null,
    punch           varchar(3)   not null,
    previous_time   timestamptz  not null,
    corrected_time  timestamptz  not null,
    minutes_late    integer,
    reason          varchar(500) not null,
    corrected_by    varchar(100) not null,
    corrected_at    timestamptz  not null,
    primary key (shift_id, sequence)
);

-- Hand-over notes to the next shift, keyed by the event's sequence in the shift.
create table shift_note (
    shift_id    varchar(64)   not null,
    sequence    bigint        not null,
    note        varchar(2000) not null,
    written_by  varchar(100)  not null,
    written_at  timestamptz   not null,
    primary key (shift_id, sequence)
);

-- Teachers' head-counts of class sessions. A class session is (centre, class_id, scheduled_start), as for member
-- check-ins, so the reconciliation joins on those columns; the latest count of a session is the one that counts.
create table shift_head_count (
    head_count_id    varchar(64)  not null primary key,
    shift_id         varchar(64)  not null,
    centre           varchar(40)  not null,
    class_id         varchar(64)  not null,
    class_name       varchar(100) not null,
    scheduled_start  timestamptz  not null,
    room             varchar(40)  not null,
    head_count       integer      not null,
    teacher          varchar(100),
    recorded_by      varchar(100) not null,
    recorded_at      timestamptz  not null
);
create index shift_head_count_session on shift_head_count (centre, scheduled_start, class_id);
