-- The projection rebuilds under way (admin.RebuildService), so that one survives a crash of its node: written before
-- the processor's tokens are reset (tokens_reset false), noted once they are (true, in the reset's transaction), and
-- deleted when every segment's token has reached target_position, the head of the event store when it started.
-- While a row exists, every node answers reads that need that projection with 503 (admin.RebuildGuard).
create table projection_rebuild (
    processing_group varchar(255)             primary key,
    started_at       timestamp with time zone not null,
    target_position  bigint                   not null,
    tokens_reset     boolean                  not null default false
);
