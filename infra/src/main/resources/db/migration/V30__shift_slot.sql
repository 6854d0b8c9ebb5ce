-- Command-side lookup: each shift's planned time and staff member, so nobody gets two overlapping shifts.
-- Written by a subscribing handler in the transaction that appends the shift's events.
create table shift_slot (
    shift_id       varchar(64)  not null primary key,
    centre         varchar(40)  not null,
    staff          varchar(100) not null,
    planned_start  timestamptz  not null,
    planned_end    timestamptz  not null,
    active         boolean      not null
);
create index shift_slot_staff_time on shift_slot (staff, planned_start, planned_end) where active;
