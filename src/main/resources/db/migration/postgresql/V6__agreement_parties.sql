-- Treaty rules and acts (commitments projection): how an agreement enters into force, when its commitments start and
-- its notice period of withdrawal, and every act under an agreement on both clocks (agreement_act: a correction closes
-- the row held until then and opens one with the new date; a retraction closes it). agreement_act replaces
-- commitment_act, which the projection no longer reads or writes.
alter table agreement_view add column commitment_starts varchar(20);
alter table agreement_view add column after_consents    integer;
alter table agreement_view add column entry_delay       varchar(32);
alter table agreement_view add column withdrawal_notice varchar(32);

create table agreement_act (
    id             bigserial primary key,
    record_id      varchar(64) not null,
    agreement_id   varchar(64) not null,
    party          varchar(2),
    kind           varchar(10) not null,
    effective_date varchar(32) not null,
    means          varchar(16),
    takes_effect   varchar(32),
    act_order      bigint      not null,
    known_from     timestamp(6) with time zone not null,
    known_until    timestamp(6) with time zone not null
);
create index ix_agreement_act on agreement_act (agreement_id, known_until);
create index ix_agreement_act_record on agreement_act (record_id, known_until);

-- the acts recorded so far have no record times in commitment_act: the projection is rebuilt from the event store at
-- the next start (admin.RebuildService resets its tokens; reads of it answer 503 until it has caught up)
insert into projection_rebuild (processing_group, started_at, target_position, tokens_reset)
select 'commitments', current_timestamp, max(global_index), false from domain_event_entry
having count(*) > 0 and not exists (select 1 from projection_rebuild where processing_group = 'commitments');
delete from commitment_act;
