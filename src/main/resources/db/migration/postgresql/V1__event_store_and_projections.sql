-- PostgreSQL: binary columns are BYTEA (never OID large objects) and the global index is a bigserial that
-- increments by 1.
-- Axon's event store, snapshots and tracking tokens (JdbcEventStorageEngine / JdbcTokenStore, snake_case schema).
create table domain_event_entry (
    global_index         bigserial primary key,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea         not null,
    meta_data            bytea,
    constraint uk_event_identifier unique (event_identifier),
    constraint uk_aggregate_sequence unique (aggregate_identifier, sequence_number)
);
create index ix_event_time_stamp on domain_event_entry (time_stamp);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea         not null,
    meta_data            bytea,
    primary key (aggregate_identifier, sequence_number),
    constraint uk_snapshot_event_identifier unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- The command side's lookup from a record id to the aggregate holding it (corrections and retractions).
create table record_index (
    record_id      varchar(64)  primary key,
    aggregate_type varchar(64)  not null,
    aggregate_id   varchar(64)  not null
);

-- Membership projection (processing group "membership").
create table coalition_view (
    id               varchar(64)  primary key,
    name             varchar(500) not null,
    parent_group     varchar(500),
    focus_areas      text,
    formed_on        varchar(10)  not null,
    formed_start     date         not null,
    known_from       timestamp(6) with time zone not null
);

create table membership_act (
    record_id      varchar(64) primary key,
    coalition_id   varchar(64) not null,
    party          varchar(2)  not null,
    kind           varchar(10) not null,
    effective_date varchar(10) not null,
    act_order      bigint      not null
);
create index ix_membership_act_party on membership_act (coalition_id, party);

create table membership_interval (
    id              bigserial primary key,
    coalition_id    varchar(64) not null,
    party           varchar(2)  not null,
    role            varchar(10) not null,
    start_date      date        not null,
    start_text      varchar(10) not null,
    start_record_id varchar(64) not null,
    end_date        date,
    end_text        varchar(10),
    end_record_id   varchar(64),
    known_from      timestamp(6) with time zone not null,
    known_until     timestamp(6) with time zone not null
);
create index ix_membership_interval_coalition on membership_interval (coalition_id, known_until, start_date);
create index ix_membership_interval_party on membership_interval (coalition_id, party, known_until);

-- Commitment projection (processing group "commitments").
create table agreement_view (
    id              varchar(64)  primary key,
    coalition_id    varchar(64)  not null,
    title           varchar(500) not null,
    commitment_term varchar(32)  not null,
    effective_date  varchar(10),
    known_from      timestamp(6) with time zone not null
);
create index ix_agreement_view_coalition on agreement_view (coalition_id);

create table commitment_act (
    record_id      varchar(64) primary key,
    agreement_id   varchar(64) not null,
    party          varchar(2)  not null,
    kind           varchar(10) not null,
    effective_date varchar(10) not null,
    act_order      bigint      not null
);
create index ix_commitment_act_party on commitment_act (agreement_id, party);

create table commitment_period (
    id                 bigserial primary key,
    agreement_id       varchar(64) not null,
    coalition_id       varchar(64) not null,
    party              varchar(2)  not null,
    start_date         date        not null,
    start_text         varchar(10) not null,
    sign_record_id     varchar(64) not null,
    scheduled_end      date        not null,
    withdrawn_date     date,
    withdrawn_text     varchar(10),
    withdraw_record_id varchar(64),
    known_from         timestamp(6) with time zone not null,
    known_until        timestamp(6) with time zone not null
);
create index ix_commitment_period_agreement on commitment_period (agreement_id, known_until, start_date);
create index ix_commitment_period_party on commitment_period (agreement_id, party, known_until);
create index ix_commitment_period_end on commitment_period (known_until, scheduled_end);

-- History projection (processing group "history").
create table history_entry (
    record_id           varchar(64)  primary key,
    coalition_id        varchar(64)  not null,
    agreement_id        varchar(64),
    command             varchar(32)  not null,
    party               varchar(2),
    effective_date      varchar(10),
    effective_start     date,
    details             text,
    source_title        varchar(500),
    source_url          varchar(2048),
    source_publisher    varchar(500),
    source_published_on varchar(10),
    source_quote        varchar(4000),
    notes               varchar(4000),
    target_record_id    varchar(64),
    recorded_by         varchar(255) not null,
    recorded_at         timestamp(6) with time zone not null,
    event_position      bigint       not null
);
create index ix_history_entry_coalition on history_entry (coalition_id);
create index ix_history_entry_target on history_entry (target_record_id);
