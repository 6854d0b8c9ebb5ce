-- Tamper evidence. Every appended event gets a SHA-256 over its content and the hash of the previous event of
-- the same aggregate (one chain per aggregate: appends to different aggregates never wait for each other, and a
-- chain link is found through the unique (aggregate, sequence) index). Stored events can be neither updated nor
-- deleted through SQL; a superuser who disables the triggers and edits a row breaks the chain, which
-- GET /api/audit/verify finds.

alter table domainevententry add column hash bytea;

-- One field of the hash input: its length as 4 bytes big-endian (-1 for null), then its bytes.
create function deskledger_hash_field(value bytea) returns bytea language sql immutable as $$
    select case when value is null then int4send(-1) else int4send(octet_length(value)) || value end
$$;

create function deskledger_event_hash(prev bytea, aggregate_id text, seq bigint, agg_type text, event_id text,
                                      payload_type text, payload_revision text, stamp text, payload bytea,
                                      meta bytea) returns bytea language sql immutable as $$
    select sha256(deskledger_hash_field(prev)
        || deskledger_hash_field(convert_to(aggregate_id, 'UTF8'))
        || deskledger_hash_field(convert_to(seq::text, 'UTF8'))
        || deskledger_hash_field(convert_to(agg_type, 'UTF8'))
        || deskledger_hash_field(convert_to(event_id, 'UTF8'))
        || deskledger_hash_field(convert_to(payload_type, 'UTF8'))
        || deskledger_hash_field(convert_to(payload_revision, 'UTF8'))
        || deskledger_hash_field(convert_to(stamp, 'UTF8'))
        || deskledger_hash_field(payload)
        || deskledger_hash_field(meta))
$$;

create function deskledger_hash_event() returns trigger language plpgsql as $$
declare
    prev bytea;
begin
    if new.sequencenumber > 0 then
        select hash into prev from domainevententry
        where aggregateidentifier = new.aggregateidentifier and sequencenumber = new.sequencenumber - 1;
    end if;
    new.hash := deskledger_event_hash(prev, new.aggregateidentifier, new.sequencenumber, new.type,
        new.eventidentifier, new.payloadtype, new.payloadrevision, new.timestamp, new.payload, new.metadata);
    return new;
end
$$;

-- events stored before this migration join their chains, oldest first
do $$
declare
    r record;
    prev bytea;
begin
    for r in select * from domainevententry order by aggregateidentifier, sequencenumber loop
        if r.sequencenumber = 0 then
            prev := null;
        else
            select hash into prev from domainevententry
            where aggregateidentifier = r.aggregateidentifier and sequencenumber = r.sequencenumber - 1;
        end if;
        update domainevententry set hash = deskledger_event_hash(prev, r.aggregateidentifier, r.sequencenumber,
            r.type, r.eventidentifier, r.payloadtype, r.payloadrevision, r.timestamp, r.payload, r.metadata)
        where globalindex = r.globalindex;
    end loop;
end
$$;

create trigger domainevententry_hash before insert on domainevententry
    for each row execute function deskledger_hash_event();

create function deskledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'stored events are immutable: % refused on %', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger domainevententry_immutable before update or delete on domainevententry
    for each row execute function deskledger_refuse_change();
create trigger domainevententry_no_truncate before truncate on domainevententry
    for each statement execute function deskledger_refuse_change();
