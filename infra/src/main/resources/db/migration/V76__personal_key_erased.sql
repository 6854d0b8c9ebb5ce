-- The keys destroyed by an erasure, by id only (no secret): a value given later for the same person (a note added to
-- an erased member's complaint) must not be sealed with a fresh key, which would make it readable again. Command side;
-- no projection reset touches it.
create table personal_key_erased (
    key_id      varchar(100) not null primary key,
    erased_at   timestamptz  not null
);
