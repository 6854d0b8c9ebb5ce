-- Notices to guardians (issue 16 part 7). All three tables are command-side: written by the subscribing handlers of
-- the processing group notice-outbox in the transaction that appends the notices' cause, never by a projection, so
-- no replay or view reset touches them.

-- Who may be told: one row per member whose guardian consented, with the channel and the address sealed with the
-- member's key (erasure destroys the key and deletes the row).
create table notice_recipient (
    member_id     varchar(64)  not null primary key,
    centre        varchar(40)  not null,
    channel       varchar(20)  not null,
    address       text         not null,
    consented_at  timestamptz  not null
);

-- The outbox: one row per notice, written with its cause and delivered at least once by the notice dispatcher.
-- idempotency_key (the cause event's identifier and the notice kind) is the message id on the broker. Content is
-- ids, a template key and non-personal values (params); the recipient's address stays sealed until it is sent.
create table notice_outbox (
    id               bigserial    primary key,
    idempotency_key  varchar(200) not null unique,
    kind             varchar(40)  not null,
    centre           varchar(40)  not null,
    member_id        varchar(64)  not null,
    channel          varchar(20)  not null,
    recipient        text,
    params           text         not null,
    cause_event_id   varchar(100),
    created_at       timestamptz  not null,
    status           varchar(10)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       varchar(200),
    sent_at          timestamptz
);
create index notice_outbox_due on notice_outbox (next_attempt_at, id) where status = 'PENDING';
create index notice_outbox_centre on notice_outbox (centre, status, id);
create index notice_outbox_member on notice_outbox (member_id) where status = 'PENDING';

-- Time memberships and their end, for the daily scan that tells the guardian a package is about to expire.
create table notice_membership (
    purchase_id  varchar(64)  not null primary key,
    member_id    varchar(64)  not null,
    centre       varchar(40)  not null,
    valid_until  timestamptz  not null
);
create index notice_membership_until on notice_membership (valid_until);
create index notice_membership_member on notice_membership (member_id);
