-- A coalition's formation on both clocks (membership projection): a correction of the formation date closes the row
-- the ledger held until then (known_until) and opens one with the new date, so that lists and summaries asked "as
-- known at" a moment before the correction still give the date known then. It replaces coalition_view's columns.
create table coalition_formation (
    id            bigserial primary key,
    coalition_id  varchar(64) not null,
    formed_on     varchar(10) not null,
    formed_start  date        not null,
    known_from    timestamp(6) with time zone not null,
    known_until   timestamp(6) with time zone not null
);
create index ix_coalition_formation on coalition_formation (coalition_id, known_until);

insert into coalition_formation (coalition_id, formed_on, formed_start, known_from, known_until)
select id, formed_on, formed_start, known_from, timestamp with time zone '9999-12-31 00:00:00+00' from coalition_view;

-- the formation date lives in coalition_formation alone from now on
alter table coalition_view drop column formed_on;
alter table coalition_view drop column formed_start;
