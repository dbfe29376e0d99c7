-- Effective dates may be ranges after ISO 8601-2 / EDTF: [2024-01-01..2024-02-14] (24 characters) or
-- [..2024-02-14]. Every column that holds a date's text is widened to hold one; the day a date counts from stays in
-- the date columns beside them (start_date, formed_start, ...), and the last day of a range is read from its text,
-- so no column is added.
alter table coalition_formation alter column formed_on set data type varchar(24);
alter table membership_act alter column effective_date set data type varchar(24);
alter table membership_interval alter column start_text set data type varchar(24);
alter table membership_interval alter column end_text set data type varchar(24);
alter table agreement_view alter column effective_date set data type varchar(24);
alter table commitment_act alter column effective_date set data type varchar(24);
alter table commitment_period alter column start_text set data type varchar(24);
alter table commitment_period alter column withdrawn_text set data type varchar(24);
alter table history_entry alter column effective_date set data type varchar(24);
