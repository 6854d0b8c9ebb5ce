-- Signed checkpoints of the whole store: the highest global index, the event count and a Merkle root over every
-- aggregate's (id, number of events, hash of its last event) up to that index, signed with the application's
-- Ed25519 key. An auditor keeps a checkpoint as a receipt and later proves with it that nothing at or below its
-- index changed, disappeared or was inserted behind it.
create sequence audit_checkpoint_id_seq;

create table audit_checkpoint (
    id                    bigint      not null primary key,
    highest_global_index  bigint      not null,
    event_count           bigint      not null,
    aggregate_count       bigint      not null,
    merkle_root           bytea       not null,
    created_at            timestamptz not null,
    key_id                varchar(64) not null,
    signature             bytea       not null
);

-- The leaves of each checkpoint, written as changes: a checkpoint stores the leaves of the aggregates that changed
-- since the checkpoint before it (length 0: the aggregate is gone). The leaves of checkpoint k are, per aggregate,
-- the row with the highest checkpoint id <= k. They are what lets a verification name the aggregate that differs;
-- they are trusted only when they reproduce the checkpoint's signed root.
create table audit_checkpoint_leaf (
    aggregate_id   varchar(255) not null,
    checkpoint_id  bigint       not null,
    length         bigint       not null,
    head           bytea,
    primary key (aggregate_id, checkpoint_id)
);

create trigger audit_checkpoint_immutable before update or delete on audit_checkpoint
    for each row execute function deskledger_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function deskledger_refuse_change();
create trigger audit_checkpoint_leaf_immutable before update or delete on audit_checkpoint_leaf
    for each row execute function deskledger_refuse_change();
create trigger audit_checkpoint_leaf_no_truncate before truncate on audit_checkpoint_leaf
    for each statement execute function deskledger_refuse_change();
