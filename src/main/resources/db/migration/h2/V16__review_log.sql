-- The review events in the event log (review projection; docs/audit.md, "The event log"): one row per review
-- opened, finding given and review completed, with its place in the event store, who recorded it and when.
-- Filled from the event store by rebuilding the reviews projection, which this migration asks for.
create table review_log (
    record_id      varchar(64)   primary key,
    position       bigint        not null,
    command        varchar(32)   not null,
    review_id      varchar(64)   not null,
    coalition_id   varchar(64)   not null,
    act_record_id  varchar(64),
    verdict        varchar(32),
    detail         varchar(4000),
    recorded_by    varchar(255),
    recorded_at    timestamp(9) with time zone not null
);
create index ix_review_log_position on review_log (position);
create index ix_review_log_coalition on review_log (coalition_id, position);

-- reviews recorded before this migration are not in the log yet: rebuild the reviews projection at the next start
-- (admin.RebuildService), only when there are reviews
insert into projection_rebuild (processing_group, started_at, target_position, tokens_reset)
select 'reviews', current_timestamp, max(global_index), false from domain_event_entry
where exists (select 1 from review_view)
having count(*) > 0 and not exists (select 1 from projection_rebuild where processing_group = 'reviews');
