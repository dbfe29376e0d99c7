-- Evidence (docs/audit.md, "Evidence"): source documents stored content-addressed by their SHA-256; the same bytes
-- are stored once. Rows are only ever inserted.
create table evidence (
    sha256      varchar(64)  primary key,
    media_type  varchar(100) not null,
    filename    varchar(255),
    size_bytes  bigint       not null,
    content     blob         not null,
    stored_by   varchar(255) not null,
    stored_at   timestamp(9) with time zone not null
);

-- the evidence hashes a source cites, comma-separated (history projection)
alter table history_entry add column source_evidence varchar(2000);

-- Reviews (review projection): one row per review, and the current finding per reviewed act.
create table review_view (
    review_id     varchar(64)  primary key,
    coalition_id  varchar(64)  not null,
    checkpoint    bigint       not null,
    from_day      date,
    to_day        date,
    title         varchar(500) not null,
    auditor       varchar(255) not null,
    opened_at     timestamp(9) with time zone not null,
    completed_at  timestamp(9) with time zone,
    root_hash     varchar(64)
);
create index ix_review_view_coalition on review_view (coalition_id);

create table review_finding (
    review_id      varchar(64)   not null,
    act_record_id  varchar(64)   not null,
    finding_id     varchar(64)   not null,
    verdict        varchar(32)   not null,
    comment        varchar(4000),
    evidence       varchar(2000),
    reviewer       varchar(255)  not null,
    given_at       timestamp(9) with time zone not null,
    primary key (review_id, act_record_id)
);
create index ix_review_finding_act on review_finding (act_record_id);
