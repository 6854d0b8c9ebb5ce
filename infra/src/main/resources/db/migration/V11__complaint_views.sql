-- Complaints read model (query side); rebuilt by replaying the "complaints" processor.
create table complaint_case (
    complaint_id                    varchar(64)   not null primary key,
    centre                          varchar(40)   not null,
    channel                         varchar(20)   not null,
    category                        varchar(20)   not null,
    severity                        varchar(10)   not null,
    status                          varchar(24)   not null,
    level                           varchar(12)   not null,
    handler                         varchar(100),
    department                      varchar(100),
    nature                          varchar(200),
    member_id                       varchar(64),
    customer_name                   varchar(100),
    customer_phone                  varchar(30),
    description                     varchar(4000) not null,
    visit_id                        varchar(64),
    filed_by                        varchar(100)  not null,
    filed_at                        timestamptz   not null,
    first_response_due_at           timestamptz,
    resolution_due_at               timestamptz,
    first_responded_at              timestamptz,
    first_response_seconds          bigint,
    first_resolved_at               timestamptz,
    resolution_seconds              bigint,
    first_response_breached         boolean       not null default false,
    resolution_breached             boolean       not null default false,
    paused                          boolean       not null default false,
    reopen_count                    integer       not null default 0,
    compensation_type               varchar(20),
    compensation_minor              bigint,
    compensation_currency           varchar(3),
    approval_required_from          varchar(20),
    closed_at                       timestamptz,
    withdrawn_at                    timestamptz,
    follow_up_due_at                timestamptz,
    follow_up_done_at               timestamptz,
    follow_up_reached               boolean,
    follow_up_satisfied             boolean,
    updated_at                      timestamptz   not null
);
create index complaint_case_centre_filed on complaint_case (centre, filed_at);
create index complaint_case_centre_status on complaint_case (centre, status);

-- Every resolution proposed, keyed by the identifier of the event that proposed it.
create table complaint_resolution (
    resolution_id           varchar(64)   not null primary key,
    complaint_id            varchar(64)   not null,
    sequence                bigint        not null,
    summary                 varchar(4000) not null,
    compensation_type       varchar(20),
    compensation_minor      bigint,
    compensation_currency   varchar(3),
    approval_required_from  varchar(20),
    proposed_by             varchar(100)  not null,
    proposed_at             timestamptz   not null,
    decision                varchar(10),
    decided_by              varchar(100),
    decided_at              timestamptz,
    offered_at              timestamptz
);
create index complaint_resolution_complaint on complaint_resolution (complaint_id, sequence);

-- One row per SLA breach: a clock breaches at most once per target it is given.
create table complaint_breach (
    complaint_id  varchar(64)  not null,
    clock         varchar(20)  not null,
    due_at        timestamptz  not null,
    level         varchar(12)  not null,
    primary key (complaint_id, clock, due_at)
);

-- Every event of a complaint, in order, for the case's timeline.
create table complaint_timeline (
    event_id      varchar(64)  not null primary key,
    complaint_id  varchar(64)  not null,
    sequence      bigint       not null,
    type          varchar(60)  not null,
    at            timestamptz  not null,
    actor         varchar(100),
    details       jsonb        not null
);
create index complaint_timeline_complaint on complaint_timeline (complaint_id, sequence);
