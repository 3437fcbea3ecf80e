-- approve-consolidation's due date, set as the task opens and cleared when reports are sent back from it
alter table reporting_cycle add column approval_due_date date;
