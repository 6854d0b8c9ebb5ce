-- Stock read model (query side, processing group "stock"); rebuilt by replaying it. Amounts in minor units.

-- One row per product of a centre's catalogue, with its stock as its latest event left it (one product's events
-- reach the view in their order; every value is the event's own, never an increment).
create table stock_product (
    product_id          varchar(64)  not null primary key,
    centre              varchar(40)  not null,
    code                varchar(50)  not null,
    name                varchar(100) not null,
    category            varchar(20)  not null,
    use                 varchar(10)  not null,
    active              boolean      not null,
    unit_price_minor    bigint       not null,
    currency            char(3)      not null,
    reorder_level       integer      not null,
    back_orders         boolean      not null,
    on_hand             integer      not null default 0,
    back_ordered        integer      not null default 0,
    average_cost_minor  bigint,
    updated_at          timestamptz  not null
);
create index stock_product_centre_code on stock_product (centre, code);

-- Every movement of stock, keyed by its event's identifier: who did what, when, and the stock after it.
create table stock_movement (
    event_id        varchar(64)  not null primary key,
    product_id      varchar(64)  not null,
    centre          varchar(40)  not null,
    kind            varchar(20)  not null,
    quantity        integer      not null,
    on_hand_after   integer,
    reason          varchar(30),
    reference       varchar(64),
    value_minor     bigint,
    currency        char(3),
    actor           varchar(100) not null,
    at              timestamptz  not null
);
create index stock_movement_product_at on stock_movement (product_id, at);
create index stock_movement_centre_kind_at on stock_movement (centre, kind, at);

-- Transfers between centres: the sending and the receiving product's events may reach the view in either order.
create table stock_transfer (
    transfer_id     varchar(64) not null primary key,
    from_product    varchar(64),
    from_centre     varchar(40),
    to_centre       varchar(40),
    to_product      varchar(64),
    quantity        integer,
    unit_cost_minor bigint,
    currency        char(3),
    sent_at         timestamptz,
    received_at     timestamptz
);
create index stock_transfer_from on stock_transfer (from_product) where received_at is null;
