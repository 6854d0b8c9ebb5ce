-- Member imports (issue 20), command side. No projection owns these tables: no replay or reset touches them.

-- One uploaded file and where its import stands. The counts of the dry run are written once it has read the file;
-- read/imported/skipped/failed and heartbeat_at by the node running the commit (owner), about once a second.
create table member_import (
    import_id         varchar(64)  not null primary key,
    centre            varchar(40)  not null,
    file_name         varchar(200) not null,
    checksum          char(64),
    bytes             bigint       not null default 0,
    uploaded_by       varchar(100) not null,
    uploaded_at       timestamptz  not null,
    status            varchar(20)  not null,
    error             varchar(300),
    rows_total        integer,
    problem_rows      integer,
    problems          integer,
    already_imported  integer,
    excluded_rows     integer[]    not null default '{}',
    committed_by      varchar(100),
    committed_roles   varchar(200),
    committed_at      timestamptz,
    started_at        timestamptz,
    finished_at       timestamptz,
    owner             varchar(100),
    heartbeat_at      timestamptz,
    rows_read         integer      not null default 0,
    rows_imported     integer      not null default 0,
    rows_skipped      integer      not null default 0,
    rows_failed       integer      not null default 0,
    run_rows          integer      not null default 0,
    run_started_at    timestamptz
);
create index member_import_centre on member_import (centre, uploaded_at desc);
create index member_import_running on member_import (status) where status = 'RUNNING';

-- The file itself, in pieces of up to 1 MB, kept until the import has finished (it holds personal data in plain
-- text, so it is deleted then) and read again piece by piece: never whole in memory.
create table member_import_chunk (
    import_id  varchar(64) not null references member_import (import_id) on delete cascade,
    chunk      integer     not null,
    data       bytea       not null,
    primary key (import_id, chunk)
);

-- The dry run's report: every problem of every row. Personal values are kept masked.
create table member_import_problem (
    import_id    varchar(64)  not null references member_import (import_id) on delete cascade,
    row_number   integer      not null,
    seq          integer      not null,
    column_name  varchar(40),
    value        varchar(120) not null,
    code         varchar(40)  not null,
    message      varchar(300) not null,
    primary key (import_id, row_number, seq)
);

-- What became of each row of a committed import: IMPORTED (written in the transaction that appends the member's
-- MemberImportedEvent, so progress and events never disagree), SKIPPED (already imported, excluded) or FAILED.
-- A resumed import skips the rows found here.
create table member_import_row (
    import_id   varchar(64) not null references member_import (import_id) on delete cascade,
    row_number  integer     not null,
    outcome     varchar(10) not null,
    member_id   varchar(64),
    code        varchar(40),
    primary key (import_id, row_number)
);

-- Imported members are no enrolments of the period they were imported in: the sales view tells them apart.
alter table sales_member add column imported boolean not null default false;
