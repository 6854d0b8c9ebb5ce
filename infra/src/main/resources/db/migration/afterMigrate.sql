-- Least privilege (README, Personal data and database roles). Flyway runs this after every migration, as the role
-- that owns the schema. When deskledger.db.app-role names the application's own role (the application hands it over
-- as the session setting deskledger.app_role, spring.flyway.init-sqls), that role is given what the
-- application needs and nothing more: it owns nothing, so it can neither ALTER a table nor disable its triggers;
-- the event store and everything that proves it (signatures, checkpoints) take only INSERT and SELECT; the view,
-- token, saga, dead-letter, deadline and lookup tables take the DML their writers use; Flyway's history is read only.
-- CREATE on the database lets it build the view verifier's shadow schema, which it drops again. Without an
-- app-role (the application connects as the owner, as CI and the benchmark do), or when Flyway is run by other
-- tools, this does nothing.
do $$
declare
    app    text := coalesce(current_setting('deskledger.app_role', true), '');
    schema text := current_schema();
begin
    if app = '' then
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        raise exception 'deskledger.db.app-role % does not exist', app;
    end if;
    execute format('revoke all on schema %I from public', schema);
    execute format('grant usage on schema %I to %I', schema, app);
    execute format('grant create, connect, temporary on database %I to %I', current_database(), app);
    execute format('grant select, insert, update, delete, truncate on all tables in schema %I to %I', schema, app);
    execute format('revoke update, delete, truncate, references, trigger on domainevententry, event_signature,'
        || ' event_signing_start, audit_checkpoint, audit_checkpoint_leaf from %I', app);
    execute format('revoke insert, update, delete, truncate on %I.flyway_schema_history from %I', schema, app);
    execute format('revoke insert, update, delete, truncate on member_identity_secret from %I', app);
    execute format('grant usage, select, update on all sequences in schema %I to %I', schema, app);
    execute format('grant execute on all functions in schema %I to %I', schema, app);
end
$$;
