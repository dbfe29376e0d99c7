-- An agreement registered without a commitment term commits its parties open-endedly: no term, no scheduled end.
alter table agreement_view alter column commitment_term drop not null;
alter table commitment_period alter column scheduled_end drop not null;
