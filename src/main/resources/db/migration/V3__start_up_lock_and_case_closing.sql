-- One node sets up at a time: a node starting locks this row until its set-up is done (operations/StartUpLock).
create table setup_lock (
    name varchar(40) primary key
);
insert into setup_lock (name) values ('start-up');

-- Paid invoices whose case still has to be closed: written with the payment, removed when the case has ended
-- (collection/InvoicePaidCorrelation). A row left behind by a crash is picked up by the recovery sweep.
create table case_closing (
    invoice_number varchar(40) primary key,
    requested_at   timestamp with time zone not null,
    attempts       integer      not null,
    last_failure   varchar(2000)
);
