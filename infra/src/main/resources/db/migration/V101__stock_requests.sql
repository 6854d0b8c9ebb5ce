-- Stock view (issue 17): what waits for a supervisor or a supplier. Purchase requests until fully received, and
-- stocktake adjustments until approved; deliveries name the request they were received against.
alter table stock_movement add column request_id varchar(64);
create index stock_movement_request on stock_movement (request_id) where request_id is not null;

create table stock_request (
    request_id    varchar(64)  not null primary key,
    product_id    varchar(64)  not null,
    centre        varchar(40)  not null,
    kind          varchar(20)  not null,
    quantity      integer      not null,
    value_minor   bigint,
    currency      char(3),
    reason        varchar(30),
    requested_by  varchar(100) not null,
    requested_at  timestamptz  not null,
    approved_by   varchar(100),
    approved_at   timestamptz
);
create index stock_request_centre on stock_request (centre, requested_at);
