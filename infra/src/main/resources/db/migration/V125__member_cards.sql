-- Member cards (issue 16, the kiosk): a member's card holds an opaque random token; only its SHA-256 hash is kept,
-- one live card per member (re-issuing replaces the hash, so the old token is refused; revoking deletes it).
create table member_card (
    member_id  varchar(64)  primary key,
    centre     varchar(64)  not null,
    token_hash char(64)     not null unique,
    issued_at  timestamptz  not null,
    issued_by  varchar(100) not null
);

-- Who issued or revoked which member's card, when, and in which request (never the token or its hash).
create table member_card_audit (
    id             bigserial    primary key,
    member_id      varchar(64)  not null,
    centre         varchar(64)  not null,
    action         varchar(10)  not null check (action in ('ISSUED', 'REVOKED')),
    actor          varchar(100) not null,
    at             timestamptz  not null,
    correlation_id varchar(100)
);
create index member_card_audit_member on member_card_audit (member_id, id);
