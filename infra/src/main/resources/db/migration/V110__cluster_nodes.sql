-- The application nodes that share this database (README "Several nodes"): each node writes its row every
-- deskledger.cluster.heartbeat and deletes it when it stops. A node whose heartbeat is older than
-- deskledger.cluster.node-timeout counts as gone: the others take its share of the views' segments. Times are the
-- database's (now()), so nodes whose clocks disagree still agree on who is alive. Ids only, no personal data.
create table cluster_node (
    node_id       varchar(50) not null primary key,
    started_at    timestamptz not null,
    heartbeat_at  timestamptz not null
);
