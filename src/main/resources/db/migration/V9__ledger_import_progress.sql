-- when a running import last stored a batch: an import that stops progressing was cut off (its node stopped)
alter table ledger_import add column progressed_at timestamp with time zone;
update ledger_import set progressed_at = coalesce(finished_at, started_at);
