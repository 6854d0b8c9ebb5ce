-- Reception read model (query side); rebuilt by replaying the "reception" processor.
create table reception_visit (
    visit_id                varchar(64)  not null primary key,
    centre                  varchar(40)  not null,
    channel                 varchar(20)  not null,
    purpose                 varchar(20)  not null,
    receptionist            varchar(100) not null,
    rings                   integer,
    arrived_at              timestamptz  not null,
    visitor_name            varchar(100),
    phone                   varchar(30),
    consultant              varchar(100),
    consultant_assigned_at  timestamptz,
    handled_by              varchar(100),
    member_id               varchar(64),
    conversion              boolean      not null default false,
    feedback_score          integer,
    outcome                 varchar(20),
    ended_at                timestamptz
);
create index reception_visit_centre_arrived on reception_visit (centre, arrived_at);

create table reception_message (
    message_id       varchar(64)   not null primary key,
    visit_id         varchar(64)   not null,
    centre           varchar(40)   not null,
    recipient        varchar(100)  not null,
    callback_number  varchar(30),
    content          varchar(2000) not null,
    taken_at         timestamptz   not null,
    delivered_at     timestamptz,
    delivered_by     varchar(100)
);
create index reception_message_undelivered on reception_message (centre, taken_at) where delivered_at is null;
