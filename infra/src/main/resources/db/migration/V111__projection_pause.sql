-- A replay or a verification of a view pauses the view's processor on every node (README "Several nodes"): the
-- node that was asked writes the view's row here, every node stops its processor for the view while a row is there,
-- the asking node does its work once no other node holds a segment, then deletes the row and every node starts the
-- processor again. The asking node renews heartbeat_at while it works; a row not renewed for
-- deskledger.cluster.pause-timeout (its node died) is ignored and replaced by the next request.
create table projection_pause (
    processor_name  varchar(255) not null primary key,
    reason          varchar(20)  not null,
    requested_by    varchar(50)  not null,
    requested_at    timestamptz  not null,
    heartbeat_at    timestamptz  not null
);
