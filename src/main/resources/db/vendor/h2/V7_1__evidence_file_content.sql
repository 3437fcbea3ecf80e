-- The content of evidence files (V7) on H2: a BLOB, written to and read from H2's LOB store as a
-- stream, never held whole.
alter table evidence_file add column content blob not null;
