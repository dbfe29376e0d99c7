-- the one table of the start-up benchmark's bare application (baseline.startup.BareApplication)
CREATE TABLE note (id BIGINT PRIMARY KEY, text VARCHAR(200));
