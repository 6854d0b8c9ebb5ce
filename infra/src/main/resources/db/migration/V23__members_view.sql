-- Member profiles and customer timelines (query side); rebuilt by replaying the "members" processor. Personal
-- values are opened with the member's key while it exists and cleared when the member is erased.
create table member_profile (
    member_id       varchar(64)  not null primary key,
    centre          varchar(40)  not null,
    kind            varchar(10)  not null,
    name            varchar(100),
    id_number       varchar(40),
    guardian_name   varchar(100),
    guardian_phone  varchar(30),
    phone           varchar(30),
    email           varchar(200),
    status          varchar(10)  not null,
    visit_id        varchar(64),
    enrolled_at     timestamptz  not null,
    frozen_since    timestamptz,
    erased_at       timestamptz
);
create index member_profile_centre on member_profile (centre, enrolled_at);

create table member_package (
    purchase_id   varchar(64)  not null primary key,
    member_id     varchar(64)  not null,
    plan          varchar(100) not null,
    kind          varchar(20)  not null,
    credits       integer,
    credits_left  integer,
    valid_from    timestamptz,
    valid_until   timestamptz,
    price_minor   bigint       not null,
    currency      char(3)      not null,
    renewal       boolean      not null,
    purchased_at  timestamptz  not null
);
create index member_package_member on member_package (member_id);

create table member_package_refund (
    refund_id     varchar(64) not null primary key,
    purchase_id   varchar(64) not null,
    amount_minor  bigint      not null
);
create index member_package_refund_purchase on member_package_refund (purchase_id);

create table member_timeline (
    entry_id      varchar(140) not null primary key,
    member_id     varchar(64)  not null,
    centre        varchar(40)  not null,
    seq           bigint       not null,
    at            timestamptz  not null,
    kind          varchar(30)  not null,
    summary       varchar(500) not null,
    amount_minor  bigint,
    currency      char(3),
    reference     varchar(64),
    note          varchar(500)
);
create index member_timeline_member on member_timeline (member_id, at desc, seq desc);

-- Visits and calls seen by the timeline, so a visit linked to a member appears in their timeline.
create table member_timeline_visit (
    visit_id    varchar(64) not null primary key,
    centre      varchar(40),
    channel     varchar(20),
    purpose     varchar(20),
    arrived_at  timestamptz,
    outcome     varchar(20),
    member_id   varchar(64)
);
create index member_timeline_visit_member on member_timeline_visit (member_id);
