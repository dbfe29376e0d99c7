-- H2 hands out identity values from a cache of 32 by default, and each refill of the cache is a commit of its own:
-- with WRITE_DELAY=0 (every commit written at once) that wrote the database file every 32 projection rows, which
-- was 44 % of the membership projection's time in a rebuild (docs/performance.md, "Identity values on H2"). A cache
-- of 10,000 refills it a three-hundredth as often. After a crash the next value skips what the cache held: these
-- are the projections' row ids, which nothing outside their table reads, so a gap costs nothing. The event store's
-- global index is given out by the append lock, not by its identity, and is left alone. PostgreSQL's sequences
-- cost no write of their own per refill, so its migrations have no V18.
alter table membership_interval alter column id set cache 10000;
alter table commitment_period alter column id set cache 10000;
alter table coalition_formation alter column id set cache 10000;
alter table agreement_act alter column id set cache 10000;
