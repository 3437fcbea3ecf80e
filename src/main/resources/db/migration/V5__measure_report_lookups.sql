-- A report withdrawn from its institution when its cycle stopped collecting: its process, if it starts
-- only then, ends at once.
alter table measure_report add column withdrawn_at timestamp with time zone;

-- A report's process finds its report by its process instance (listeners, the review's gateway), and a
-- new cycle's first task starts from the measure's latest accepted report: both once per report, so
-- neither may read the whole table.
create index ix_measure_report_process on measure_report (process_instance_id);
create index ix_measure_report_measure_state on measure_report (measure_id, state);
