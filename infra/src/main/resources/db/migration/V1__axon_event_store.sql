-- Axon's event store, token store, sagas and dead letters, as Axon's JDBC engine expects them, owned by Flyway.
-- Every serialized column is bytea (never an oid large object).

-- global_index comes from a sequence that hands out one value at a time (a bigserial, cache 1): no node
-- pre-allocates a block, so indexes are written close to commit order and streaming processors see every event.
create table domainevententry (
    globalindex          bigserial    not null primary key,
    aggregateidentifier  varchar(255) not null,
    sequencenumber       bigint       not null,
    type                 varchar(255),
    eventidentifier      varchar(255) not null unique,
    metadata             bytea,
    payload              bytea        not null,
    payloadrevision      varchar(255),
    payloadtype          varchar(255) not null,
    timestamp            varchar(255) not null,
    unique (aggregateidentifier, sequencenumber)
);

create table snapshotevententry (
    aggregateidentifier  varchar(255) not null,
    sequencenumber       bigint       not null,
    type                 varchar(255) not null,
    eventidentifier      varchar(255) not null unique,
    metadata             bytea,
    payload              bytea        not null,
    payloadrevision      varchar(255),
    payloadtype          varchar(255) not null,
    timestamp            varchar(255) not null,
    primary key (aggregateidentifier, sequencenumber)
);

create table tokenentry (
    processorname  varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    tokentype      varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processorname, segment)
);

create table sagaentry (
    sagaid          varchar(255) not null primary key,
    revision        varchar(255),
    sagatype        varchar(255),
    serializedsaga  bytea
);

create table associationvalueentry (
    id                bigserial    not null primary key,
    associationkey    varchar(255),
    associationvalue  varchar(255),
    sagaid            varchar(255),
    sagatype          varchar(255)
);
create index associationvalueentry_saga on associationvalueentry (sagatype, associationkey, associationvalue);
create index associationvalueentry_sagaid on associationvalueentry (sagaid, sagatype);

create table deadletterentry (
    deadletteridentifier  varchar(255)  not null,
    processinggroup       varchar(255)  not null,
    sequenceidentifier    varchar(255)  not null,
    sequenceindex         bigint        not null,
    messagetype           varchar(255)  not null,
    eventidentifier       varchar(255)  not null,
    timestamp             varchar(255)  not null,
    payloadtype           varchar(255)  not null,
    payloadrevision       varchar(255),
    payload               bytea         not null,
    metadata              bytea,
    type                  varchar(255),
    aggregateidentifier   varchar(255),
    sequencenumber        bigint,
    tokentype             varchar(255),
    token                 bytea,
    enqueuedat            varchar(255)  not null,
    lasttouched           varchar(255),
    processingstarted     varchar(255),
    causetype             varchar(255),
    causemessage          varchar(1023),
    diagnostics           bytea,
    constraint deadletterentry_pk primary key (deadletteridentifier),
    constraint deadletterentry_sequenceindex unique (processinggroup, sequenceidentifier, sequenceindex)
);
create index deadletterentry_processinggroup on deadletterentry (processinggroup);
create index deadletterentry_sequenceidentifier on deadletterentry (processinggroup, sequenceidentifier);
