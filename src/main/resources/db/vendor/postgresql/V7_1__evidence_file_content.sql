-- The content of evidence files (V7) on PostgreSQL: a bytea, written as a stream of known length and
-- read in slices with substring(), so neither the service nor the driver holds a file whole (the
-- driver reads each value of a row whole). Stored uncompressed (EXTERNAL): PDFs, office documents and
-- images are compressed already, and a slice of an uncompressed value is read without the rest of it.
alter table evidence_file add column content bytea not null;
alter table evidence_file alter column content set storage external;
