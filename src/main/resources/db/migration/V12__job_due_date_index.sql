-- Camunda's job acquisition and the executable-jobs count ask for jobs due by now (or without a due date). Camunda's
-- schema has no index on the due date, so with many cases waiting at their timers every acquisition round read the
-- whole job table (100,000 cases: two timers each); with this index it reads only the jobs that are due.
create index cf_job_due_date on act_ru_job (duedate_);
