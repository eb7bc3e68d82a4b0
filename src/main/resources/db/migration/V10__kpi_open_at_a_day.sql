-- The first day the open amount went down: an invoice whose first movement lies after a day was open in full on
-- that day, so the aging of a past day looks up movements only for the few invoices partly paid around it.
alter table kpi_invoice add column first_movement_on date;
update kpi_invoice set first_movement_on = coalesce(
    (select min(m.on_date) from kpi_movement m where m.invoice_number = kpi_invoice.invoice_number),
    date '9999-12-31');
alter table kpi_invoice alter column first_movement_on set not null;

-- Invoices open at a day (aging, DSO, CEI, cases per stage) and cases closed in a period (loyalty), from the index.
drop index kpi_invoice_open;
create index kpi_invoice_open on kpi_invoice (closed_on, issue_date, due_date, client_id, currency, open_amount, amount,
    last_movement_on, first_movement_on, legal_on, court_on, closed_day, invoice_number);
-- A client's cases closed in a period, for loyalty: was the client invoiced again after one of them?
create index kpi_invoice_client_closed on kpi_invoice (client_id, closed_on, due_date, closed_day);
