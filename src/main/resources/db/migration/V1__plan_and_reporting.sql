-- The project's own tables. Camunda's tables are created and upgraded by the engine itself.
-- Written in the SQL that H2 (the embedded default) and PostgreSQL share.

create sequence institution_seq start with 1 increment by 50;
create sequence commitment_seq start with 1 increment by 50;
create sequence measure_seq start with 1 increment by 50;
create sequence funding_line_seq start with 1 increment by 50;
create sequence reporting_cycle_seq start with 1 increment by 50;
create sequence measure_report_seq start with 1 increment by 50;
create sequence report_revision_seq start with 1 increment by 50;
create sequence mail_message_seq start with 1 increment by 50;

create table institution (
    id            bigint       not null primary key,
    code          varchar(32)  not null,
    name_lv       varchar(500) not null,
    name_en       varchar(500) not null,
    contact_email varchar(320) not null,
    head_email    varchar(320),
    language      varchar(2)   not null,
    constraint uk_institution_code unique (code),
    constraint ck_institution_language check (language in ('lv', 'en'))
);

create table commitment (
    id       bigint        not null primary key,
    number   integer       not null,
    ogp_id   varchar(32),
    title_lv varchar(1000) not null,
    title_en varchar(1000) not null,
    constraint uk_commitment_number unique (number)
);

create table measure (
    id                        bigint        not null primary key,
    code                      varchar(32)   not null,
    commitment_id             bigint        not null references commitment (id),
    title_lv                  varchar(2000),
    title_en                  varchar(2000),
    responsible_institution_id bigint       not null references institution (id),
    constraint uk_measure_code unique (code),
    constraint ck_measure_title check (title_lv is not null or title_en is not null)
);

create table measure_co_responsible (
    measure_id     bigint not null references measure (id),
    institution_id bigint not null references institution (id),
    primary key (measure_id, institution_id)
);

create table funding_line (
    id         bigint         not null primary key,
    funding_year integer,
    amount_eur numeric(14, 2) not null,
    projects   integer,
    purpose    varchar(2000)  not null
);

create table funding_line_measure (
    funding_line_id bigint not null references funding_line (id),
    measure_id      bigint not null references measure (id),
    primary key (funding_line_id, measure_id)
);

create table reporting_cycle (
    id                  bigint       not null primary key,
    name                varchar(200) not null,
    period_from         date         not null,
    period_to           date         not null,
    invitation_date     date         not null,
    submission_deadline date         not null,
    legal_deadline      date         not null,
    requested_submission_deadline date not null,
    requested_legal_deadline date    not null,
    status              varchar(20)  not null,
    process_instance_id varchar(64),
    created_by          varchar(128) not null,
    created_at          timestamp with time zone not null,
    opened_at           timestamp with time zone,
    notices_done_through date,
    consolidated_at     timestamp with time zone,
    closed_early        boolean      not null,
    approved_by         varchar(128),
    published_at        timestamp with time zone,
    version             bigint       not null,
    constraint ck_cycle_period check (period_from <= period_to),
    constraint ck_cycle_deadlines check (invitation_date <= submission_deadline
                                          and submission_deadline <= legal_deadline)
);

create table measure_report (
    id                  bigint         not null primary key,
    cycle_id            bigint         not null references reporting_cycle (id),
    measure_id          bigint         not null references measure (id),
    institution_id      bigint         not null references institution (id),
    state               varchar(20)    not null,
    completion          varchar(20),
    progress            varchar(10000),
    challenges          varchar(10000),
    next_steps          varchar(10000),
    funds_spent_eur     numeric(14, 2),
    evidence_links      varchar(10000),
    submitted_at        timestamp with time zone,
    submitted_by        varchar(128),
    review_comment      varchar(10000),
    reviewed_at         timestamp with time zone,
    reviewed_by         varchar(128),
    due_date            date,
    process_instance_id varchar(64),
    version             bigint         not null,
    constraint uk_measure_report unique (cycle_id, measure_id)
);

create table report_revision (
    id              bigint         not null primary key,
    report_id       bigint         not null references measure_report (id),
    revision_no     integer        not null,
    submitted_by    varchar(128)   not null,
    submitted_at    timestamp with time zone not null,
    completion      varchar(20)    not null,
    progress        varchar(10000) not null,
    challenges      varchar(10000),
    next_steps      varchar(10000),
    funds_spent_eur numeric(14, 2),
    evidence_links  varchar(10000),
    decision        varchar(10),
    review_comment  varchar(10000),
    reviewed_by     varchar(128),
    reviewed_at     timestamp with time zone,
    constraint uk_report_revision unique (report_id, revision_no)
);

create table mail_message (
    id              bigint         not null primary key,
    idempotency_key varchar(255)   not null,
    message_id      varchar(320)   not null,
    template        varchar(100)   not null,
    recipients      varchar(2000)  not null,
    cc              varchar(2000),
    subject         varchar(1000)  not null,
    body_text       varchar(200000) not null,
    body_html       varchar(200000) not null,
    language        varchar(2)     not null,
    cycle_id        bigint,
    status          varchar(20)    not null,
    attempts        integer        not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(2000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    version         bigint         not null,
    constraint uk_mail_idempotency_key unique (idempotency_key),
    constraint uk_mail_message_id unique (message_id)
);

create index ix_measure_report_cycle_state on measure_report (cycle_id, state);
create index ix_measure_report_unlaunched on measure_report (cycle_id, process_instance_id);
create index ix_reporting_cycle_status on reporting_cycle (status);
create index ix_report_revision_report on report_revision (report_id);
create index ix_mail_message_due on mail_message (status, next_attempt_at);
create index ix_mail_message_cycle on mail_message (cycle_id);
