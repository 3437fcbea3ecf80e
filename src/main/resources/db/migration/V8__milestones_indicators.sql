-- The plan's milestones and indicators of each measure, and what the responsible institution
-- reports of them in each cycle: a milestone's state, an indicator's current value.

create sequence milestone_seq start with 1 increment by 50;
create sequence indicator_seq start with 1 increment by 50;
create sequence report_milestone_seq start with 1 increment by 50;
create sequence report_indicator_seq start with 1 increment by 50;

-- A measure's milestone n, as the plan's table numbers them; a re-import updates it in place.
create table milestone (
    id         bigint        not null primary key,
    measure_id bigint        not null references measure (id),
    number     integer       not null,
    title_lv   varchar(2000),
    title_en   varchar(2000),
    due_date   date          not null,
    constraint uk_milestone unique (measure_id, number),
    constraint ck_milestone_title check (title_lv is not null or title_en is not null)
);

-- A measure's result indicator n; baseline, target and the target's date when the plan gives them.
create table indicator (
    id          bigint         not null primary key,
    measure_id  bigint         not null references measure (id),
    number      integer        not null,
    title_lv    varchar(2000),
    title_en    varchar(2000),
    unit        varchar(100)   not null,
    baseline    numeric(18, 4),
    target      numeric(18, 4),
    target_date date,
    constraint uk_indicator unique (measure_id, number),
    constraint ck_indicator_title check (title_lv is not null or title_en is not null)
);

-- A milestone's state as the report of a cycle gives it; the date it was done or dropped.
create table report_milestone (
    id           bigint        not null primary key,
    report_id    bigint        not null references measure_report (id),
    milestone_id bigint        not null references milestone (id),
    state        varchar(20)   not null,
    state_date   date,
    updated_by   varchar(128)  not null,
    updated_at   timestamp with time zone not null,
    constraint uk_report_milestone unique (report_id, milestone_id),
    constraint ck_report_milestone_state check (state in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    constraint ck_report_milestone_date check ((state in ('DONE', 'DROPPED')) = (state_date is not null))
);

-- An indicator's current value as the report of a cycle gives it.
create table report_indicator (
    id           bigint         not null primary key,
    report_id    bigint         not null references measure_report (id),
    indicator_id bigint         not null references indicator (id),
    indicator_value numeric(18, 4) not null,
    note         varchar(2000),
    updated_by   varchar(128)   not null,
    updated_at   timestamp with time zone not null,
    constraint uk_report_indicator unique (report_id, indicator_id),
    constraint ck_report_indicator_value check (indicator_value >= 0)
);
