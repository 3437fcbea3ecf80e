-- The audit log: who changed what and when. Each entry is written in the transaction of the change
-- it records, so a change that rolls back leaves none. No foreign keys: the log outlives what it names.
create sequence audit_entry_seq start with 1 increment by 50;

create table audit_entry (
    id                bigint        not null primary key,
    occurred_at       timestamp with time zone not null,
    actor             varchar(128)  not null,
    action            varchar(40)   not null,
    cycle_id          bigint,
    measure_code      varchar(32),
    institution_code  varchar(32),
    subject           varchar(200),
    details           varchar(2000)
);

create index ix_audit_entry_occurred_at on audit_entry (occurred_at);
create index ix_audit_entry_institution on audit_entry (institution_code, occurred_at);
