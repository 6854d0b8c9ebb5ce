-- Concurrency conflicts between nodes (two appends of the same aggregate and sequence number).
--
-- 1. The (aggregate, sequence) key gets a name of our own: the application recognises a duplicate on exactly this
--    key (SQLState 23505) as a conflict it may retry, and no other unique key.
alter table domainevententry rename constraint domainevententry_aggregateidentifier_sequencenumber_key
    to domainevententry_aggregate_sequence_key;

-- 2. A conflicting append no longer burns a global index. A column default is drawn before any trigger runs, so an
--    insert refused by the unique key left a gap in globalindex; every processor's token then carried that gap until
--    Axon's gap timeout (which DeskLedger makes long, see README "Every view exact") and each read of the store
--    asked for it again. Now the trigger draws the index, after refusing an append whose (aggregate, sequence) is
--    already stored, with the same error and key name as the unique index would. Two appends racing while both are
--    still uncommitted are still caught by the unique index itself (one index burnt): the window is the few
--    milliseconds between an insert and its commit.
alter table domainevententry alter column globalindex drop default;

create or replace function deskledger_hash_event() returns trigger language plpgsql as $$
declare
    prev bytea;
begin
    if exists (select 1 from domainevententry
               where aggregateidentifier = new.aggregateidentifier and sequencenumber = new.sequencenumber) then
        raise exception 'duplicate key value violates unique constraint "domainevententry_aggregate_sequence_key"'
            using errcode = 'unique_violation', constraint = 'domainevententry_aggregate_sequence_key',
                  table = 'domainevententry', detail = 'another append of this aggregate was stored first';
    end if;
    if new.globalindex is null then
        new.globalindex := nextval('domainevententry_globalindex_seq');
    end if;
    if new.sequencenumber > 0 then
        select hash into prev from domainevententry
        where aggregateidentifier = new.aggregateidentifier and sequencenumber = new.sequencenumber - 1;
    end if;
    new.hash := deskledger_event_hash(prev, new.aggregateidentifier, new.sequencenumber, new.type,
        new.eventidentifier, new.payloadtype, new.payloadrevision, new.timestamp, new.payload, new.metadata);
    return new;
end
$$;
