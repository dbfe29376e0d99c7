-- The application nodes sharing this database, each with the last time it said it was alive (epoch milliseconds of
-- its own clock). The segment balancer counts the live ones to split the projections' segments between them.
create table ledger_node (
    node_id varchar(255) primary key,
    seen_at bigint       not null
);
