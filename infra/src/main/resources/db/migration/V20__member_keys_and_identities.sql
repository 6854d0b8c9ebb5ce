-- MemberAccount, command side. None of these tables belongs to a projection: no replay or reset touches them.

-- Crypto-shredding: one AES-256 key per member (key_id 'member:<id>') and per visit ('visit:<id>'), outside the
-- event store. Erasure deletes the member's row and those of the visits linked to them, and with them every
-- personal value their events carry.
create table personal_key (
    key_id      varchar(100) not null primary key,
    secret      bytea        not null,
    created_at  timestamptz  not null
);

-- Which visits each member was linked to, so erasing the member destroys those visits' keys too.
create table member_visit (
    visit_id   varchar(64) not null primary key,
    member_id  varchar(64) not null
);
create index member_visit_member on member_visit (member_id);

-- No duplicate members: one per centre for the same identity, stored only as a keyed hash (HMAC-SHA256).
-- name_key (the keyed hash of the name alone) lets a changed phone be re-hashed without knowing the name.
create table member_identity (
    member_id      varchar(64) not null primary key,
    centre         varchar(40) not null,
    identity_hash  varchar(64) not null,
    basis          varchar(20) not null,
    name_key       varchar(64) not null,
    unique (centre, identity_hash)
);

-- The identity hashes' key when deskledger.members.identity-secret is not set: 32 random bytes per database,
-- from PostgreSQL's strong random source (gen_random_uuid, built in since PostgreSQL 13).
create table member_identity_secret (
    id      integer not null primary key check (id = 1),
    secret  bytea   not null
);
insert into member_identity_secret (id, secret)
values (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
