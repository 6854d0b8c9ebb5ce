-- Events signed by the application. The hash chain of V40 is computed by the database, so anyone who can insert
-- (or a superuser who recomputes the chain with deskledger_event_hash) gets a valid link. Every appended event
-- therefore also gets a MAC (HMAC-SHA256) over its global index, aggregate, sequence number and chain hash, made by
-- the application with a key the database never holds (a key file outside the data directory, see README). It is
-- written in the same transaction and by the same connection as the event itself, in one statement per append.
-- The aggregate and sequence number are kept beside the MAC so that a signature whose event was deleted still
-- names the missing event.
create table event_signature (
    globalindex          bigint       not null primary key,
    aggregateidentifier  varchar(255) not null,
    sequencenumber       bigint       not null,
    key_id               varchar(64)  not null,
    mac                  bytea        not null
);

create trigger event_signature_immutable before update or delete on event_signature
    for each row execute function deskledger_refuse_change();
create trigger event_signature_no_truncate before truncate on event_signature
    for each statement execute function deskledger_refuse_change();

-- Events stored before signing began cannot have been signed when they were appended. The first application to
-- start on this schema signs them once, as it finds them, and records that here (one row, id 1); from then on an
-- event without a valid signature is reported, whatever its global index.
create table event_signing_start (
    id             integer     not null primary key check (id = 1),
    adopted_up_to  bigint      not null,
    adopted_count  bigint      not null,
    adopted_at     timestamptz not null
);

create trigger event_signing_start_immutable before update or delete on event_signing_start
    for each row execute function deskledger_refuse_change();
create trigger event_signing_start_no_truncate before truncate on event_signing_start
    for each statement execute function deskledger_refuse_change();
