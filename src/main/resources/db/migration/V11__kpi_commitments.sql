-- Graded promises to pay and instalments as KPI facts, with their invoice's client, currency and due date, so the
-- promise-kept rate is read and attributed to the owner at the due date without a join to the invoice facts.
create table kpi_commitment (
    kind            varchar(16)    not null,
    commitment_id   bigint         not null,
    invoice_number  varchar(40)    not null,
    client_id       varchar(64)    not null,
    currency        varchar(3)     not null,
    due_date        date           not null,
    on_date         date           not null,
    grade           varchar(20)    not null,
    primary key (kind, commitment_id)
);
create index kpi_commitment_invoice on kpi_commitment (invoice_number);
create index kpi_commitment_on on kpi_commitment (on_date, client_id, due_date, currency, kind, grade);

insert into kpi_commitment (kind, commitment_id, invoice_number, client_id, currency, due_date, on_date, grade)
select 'PROMISE', p.id, p.invoice_number, i.client_id, i.currency, i.due_date, p.promised_date, p.grade
from promise_to_pay p join invoice i on i.number = p.invoice_number
where p.grade is not null
union all
select 'INSTALMENT', s.id, pl.invoice_number, i.client_id, i.currency, i.due_date, s.due_on, s.grade
from instalment s join payment_plan pl on pl.id = s.plan_id join invoice i on i.number = pl.invoice_number
where s.grade is not null;
