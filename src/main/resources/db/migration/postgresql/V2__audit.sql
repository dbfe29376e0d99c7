-- The audit's Merkle tree (docs/audit.md): one leaf per sealed event, by position in the tree (0-based), and the
-- signed checkpoints. Rows are only ever inserted.
create table audit_leaf (
    leaf_index       bigint         primary key,
    global_index     bigint         not null,
    event_identifier varchar(255)   not null,
    record_id        varchar(255),
    leaf_hash        bytea          not null,
    constraint uk_audit_leaf_event unique (event_identifier)
);
create index ix_audit_leaf_record on audit_leaf (record_id);

create table audit_checkpoint (
    tree_size  bigint                      primary key,
    root_hash  bytea                       not null,
    created_at timestamp(3) with time zone not null,
    signature  bytea                       not null
);
