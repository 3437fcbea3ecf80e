-- the plan's final report, covering the whole plan period, is marked wherever its cycle shows
alter table reporting_cycle add column final_report boolean default false not null;
