-- Audit-log projection: one row per stored event with who, when, where and why (no payload: personal data stays
-- in the event store, where erasure can reach it). Indexed for newest-first search by each filter.
create table audit_event (
    global_index    bigint       not null primary key,
    event_id        varchar(255) not null,
    aggregate_id    varchar(255),
    aggregate_type  varchar(100),
    sequence_number bigint,
    event_type      varchar(255) not null,
    occurred_at     timestamptz  not null,
    actor           varchar(100),
    roles           varchar(200),
    centre          varchar(40),
    correlation_id  varchar(100),
    causation_id    varchar(100),
    client_address  varchar(100)
);
create index audit_event_newest on audit_event (global_index desc) include (centre);
create index audit_event_occurred on audit_event (occurred_at, global_index);
create index audit_event_actor on audit_event (actor, global_index desc);
create index audit_event_centre on audit_event (centre, global_index desc);
create index audit_event_type on audit_event (event_type, global_index desc);
create index audit_event_aggregate on audit_event (aggregate_id, global_index desc);
create index audit_event_correlation on audit_event (correlation_id, global_index desc);
