-- Latvian calendar data that no rule produces: Song and Dance Festival closing days, holidays declared
-- by law for one occasion, and the days the Cabinet transfers (a weekday off, a Saturday worked).
create table calendar_day (
    calendar_date date       not null primary key,
    kind       varchar(20)   not null,
    reason_lv  varchar(300)  not null,
    reason_en  varchar(300)  not null,
    created_by varchar(128)  not null,
    created_at timestamp with time zone not null,
    constraint ck_calendar_day_kind check (kind in ('FESTIVAL', 'AD_HOC_HOLIDAY', 'TRANSFERRED_DAY_OFF', 'WORKING_DAY'))
);

insert into calendar_day (calendar_date, kind, reason_lv, reason_en, created_by, created_at) values
  (date '2018-07-08', 'FESTIVAL', 'Vispārējo latviešu Dziesmu un deju svētku noslēguma diena',
   'Closing day of the General Latvian Song and Dance Festival', 'system', current_timestamp),
  (date '2023-07-09', 'FESTIVAL', 'Vispārējo latviešu Dziesmu un deju svētku noslēguma diena',
   'Closing day of the General Latvian Song and Dance Festival', 'system', current_timestamp),
  (date '2023-05-29', 'AD_HOC_HOLIDAY', 'Svētku diena pēc Latvijas hokeja izlases bronzas medaļām pasaules čempionātā',
   'Holiday for the Latvian ice hockey team''s bronze medals at the world championship', 'system', current_timestamp),
  (date '2023-05-05', 'TRANSFERRED_DAY_OFF', 'Darbdiena pārcelta uz sestdienu, 20. maiju',
   'Working day moved to Saturday 20 May', 'system', current_timestamp),
  (date '2023-05-20', 'WORKING_DAY', 'Darbdiena, kas pārcelta no piektdienas, 5. maija',
   'Working day moved from Friday 5 May', 'system', current_timestamp);
