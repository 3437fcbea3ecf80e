-- The OGP refreshed-plan cycle: the refresh, the opinions received and answered, the changes made,
-- and the plan's versions (the original and each refreshed plan, as snapshots that can be compared).
create sequence plan_refresh_seq start with 1 increment by 50;
create sequence opinion_seq start with 1 increment by 50;
create sequence plan_change_seq start with 1 increment by 50;
create sequence plan_version_seq start with 1 increment by 50;

create table plan_version (
    id          bigint       not null primary key,
    number      integer      not null,
    label       varchar(200) not null,
    refresh_id  bigint,
    created_at  timestamp with time zone not null,
    constraint uk_plan_version_number unique (number)
);

create table plan_version_measure (
    version_id     bigint        not null references plan_version (id),
    code           varchar(32)   not null,
    commitment     integer       not null,
    title_lv       varchar(2000),
    title_en       varchar(2000),
    responsible    varchar(32)   not null,
    co_responsible varchar(500),
    deadline       varchar(100),
    primary key (version_id, code)
);

create table plan_refresh (
    id                      bigint        not null primary key,
    co_creation_start       date          not null,
    co_creation_end         date          not null,
    ogp_deadline            date          not null,
    status                  varchar(30)   not null,
    process_instance_id     varchar(64),
    schedule_text           varchar(20000),
    schedule_published_at   timestamp with time zone,
    opinions_published_at   timestamp with time zone,
    document_generated_at   timestamp with time zone,
    document_lv             varchar(200000),
    document_en             varchar(200000),
    submitted_at            timestamp with time zone,
    submitted_by            varchar(128),
    version_id              bigint references plan_version (id),
    created_by              varchar(128)  not null,
    created_at              timestamp with time zone not null,
    version                 bigint        not null,
    constraint ck_refresh_dates check (co_creation_start <= co_creation_end and co_creation_end <= ogp_deadline)
);

create table opinion (
    id              bigint        not null primary key,
    refresh_id      bigint        not null references plan_refresh (id),
    channel         varchar(20)   not null,
    author          varchar(200),
    email           varchar(320),
    measure_code    varchar(32),
    proposal_title  varchar(500),
    text            varchar(5000) not null,
    received_at     timestamp with time zone not null,
    registered_by   varchar(128),
    response        varchar(20),
    response_reason varchar(5000),
    responded_by    varchar(128),
    responded_at    timestamp with time zone
);

create table plan_change (
    id             bigint        not null primary key,
    refresh_id     bigint        not null references plan_refresh (id),
    kind           varchar(30)   not null,
    measure_code   varchar(32)   not null,
    commitment     integer,
    title_lv       varchar(2000),
    title_en       varchar(2000),
    responsible    varchar(32),
    deadline       varchar(100),
    reason_lv      varchar(5000),
    reason_en      varchar(5000),
    recorded_by    varchar(128)  not null,
    recorded_at    timestamp with time zone not null
);

alter table measure add column deadline varchar(100);
alter table measure add column removed boolean default false not null;
alter table measure_report add column plan_version integer;

create index ix_opinion_refresh on opinion (refresh_id);
create index ix_plan_change_refresh on plan_change (refresh_id);
