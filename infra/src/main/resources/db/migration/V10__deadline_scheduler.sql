-- db-scheduler's table (the version Axon 4.12.2 uses, 13.0.0): Axon's DbSchedulerDeadlineManager keeps every
-- pending deadline here, so deadlines survive a restart and one that fell due while the application was down runs
-- when it comes back. task_data is bytea: db-scheduler's Jackson serializer writes the deadline as JSON bytes.
create table scheduled_tasks (
    task_name             text                     not null,
    task_instance         text                     not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
