-- Sales read model (query side); rebuilt by replaying the "sales" processor. Amounts in minor units (bigint).

-- Every movement of money: one row per package sold, per desk-sale line, and per refunded package or line.
create table sales_entry (
    entry_id        varchar(140) not null primary key,
    centre          varchar(40)  not null,
    member_id       varchar(64)  not null,
    purchase_id     varchar(64)  not null,
    refund_id       varchar(64),
    kind            varchar(10)  not null,
    item_type       varchar(10)  not null,
    item            varchar(100) not null,
    category        varchar(20)  not null,
    staff           varchar(100) not null,
    payment_method  varchar(20)  not null,
    renewal         boolean      not null default false,
    amount_minor    bigint       not null,
    currency        char(3)      not null,
    at              timestamptz  not null
);
create index sales_entry_centre_at on sales_entry (centre, at);
create index sales_entry_member on sales_entry (member_id);

create table sales_member (
    member_id    varchar(64) not null primary key,
    centre       varchar(40) not null,
    enrolled_at  timestamptz not null,
    visit_id     varchar(64)
);
create index sales_member_centre_enrolled on sales_member (centre, enrolled_at);

-- Visits and calls, for the conversion rate; a row may come from a member event before its visit's own event.
create table sales_visit (
    visit_id    varchar(64) not null primary key,
    centre      varchar(40),
    arrived_at  timestamptz,
    converted   boolean     not null default false,
    member_id   varchar(64)
);
create index sales_visit_centre_arrived on sales_visit (centre, arrived_at);

create table sales_credit_pack (
    purchase_id    varchar(64)  not null primary key,
    centre         varchar(40)  not null,
    member_id      varchar(64)  not null,
    plan           varchar(100) not null,
    credits_total  integer      not null,
    credits_left   integer      not null,
    price_minor    bigint       not null,
    currency       char(3)      not null,
    purchased_at   timestamptz  not null
);
create index sales_credit_pack_centre on sales_credit_pack (centre) where credits_left > 0;

create table sales_refund_request (
    refund_id     varchar(64)  not null primary key,
    centre        varchar(40)  not null,
    member_id     varchar(64)  not null,
    purchase_id   varchar(64)  not null,
    amount_minor  bigint       not null,
    currency      char(3)      not null,
    status        varchar(20)  not null,
    requested_by  varchar(100) not null,
    requested_at  timestamptz  not null,
    decided_by    varchar(100),
    decided_at    timestamptz
);
create index sales_refund_request_pending on sales_refund_request (centre, requested_at) where status = 'AWAITING_APPROVAL';
