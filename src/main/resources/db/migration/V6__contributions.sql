-- Cabinet order No. 78, point 5: responsible institutions, co-responsible institutions and other
-- implementers report on the measures. Other implementers (NGOs, municipalities and others) are kept
-- with the institutions, of their own kind, and named per measure; co-responsible institutions and
-- other implementers each contribute to the responsible institution's report.

alter table institution add column kind varchar(20) default 'INSTITUTION' not null;
alter table institution add constraint ck_institution_kind check (kind in ('INSTITUTION', 'IMPLEMENTER'));

create table measure_implementer (
    measure_id     bigint not null references measure (id),
    institution_id bigint not null references institution (id),
    primary key (measure_id, institution_id)
);

create sequence contribution_seq start with 1 increment by 50;
create sequence contribution_revision_seq start with 1 increment by 50;

-- One contributor's part of a report: open until it submits; the latest submission's answers.
create table contribution (
    id              bigint         not null primary key,
    report_id       bigint         not null references measure_report (id),
    institution_id  bigint         not null references institution (id),
    role            varchar(20)    not null,
    due_date        date           not null,
    state           varchar(20)    not null,
    task_id         varchar(64),
    completion      varchar(20),
    progress        varchar(10000),
    challenges      varchar(10000),
    next_steps      varchar(10000),
    funds_spent_eur numeric(14, 2),
    evidence_links  varchar(10000),
    submitted_at    timestamp with time zone,
    submitted_by    varchar(128),
    version         bigint         not null,
    constraint uk_contribution unique (report_id, institution_id),
    constraint ck_contribution_role check (role in ('CO_RESPONSIBLE', 'IMPLEMENTER')),
    constraint ck_contribution_state check (state in ('AWAITING', 'SUBMITTED'))
);

create index ix_contribution_task on contribution (task_id);

-- Every submission of a contribution, kept unchanged.
create table contribution_revision (
    id              bigint         not null primary key,
    contribution_id bigint         not null references contribution (id),
    revision_no     integer        not null,
    submitted_by    varchar(128)   not null,
    submitted_at    timestamp with time zone not null,
    completion      varchar(20),
    progress        varchar(10000) not null,
    challenges      varchar(10000),
    next_steps      varchar(10000),
    funds_spent_eur numeric(14, 2),
    evidence_links  varchar(10000),
    constraint uk_contribution_revision unique (contribution_id, revision_no)
);
