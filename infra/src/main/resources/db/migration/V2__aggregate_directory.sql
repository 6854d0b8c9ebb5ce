-- Command-side lookup: which centre each aggregate belongs to, written with the aggregate's first event.
create table aggregate_directory (
    aggregate_id    varchar(255) not null primary key,
    aggregate_type  varchar(100) not null,
    centre          varchar(40)  not null,
    created_at      timestamptz  not null
);
