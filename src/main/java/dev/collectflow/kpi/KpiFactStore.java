package dev.collectflow.kpi;

import dev.collectflow.collection.Deadlines;
import dev.collectflow.kpi.InvoiceFacts.Change;
import dev.collectflow.kpi.InvoiceFacts.Event;
import dev.collectflow.kpi.InvoiceFacts.Facts;
import dev.collectflow.kpi.InvoiceFacts.Ledger;
import dev.collectflow.kpi.InvoiceFacts.Movement;
import dev.collectflow.kpi.InvoiceFacts.MovementKind;
import dev.collectflow.system.Validity;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Reads invoices' ledgers and audit milestones, and writes their {@link InvoiceFacts} to {@code kpi_invoice} and
 * {@code kpi_movement}, and their graded promises and instalments to {@code kpi_commitment}. Works on many invoices
 * at once: a few set-based statements per batch, never one per row.
 */
@Repository
class KpiFactStore {

    private static final int BATCH = 500;
    /** The graded promises and instalments of some invoices, with their invoice's client, currency and due date. */
    private static final String GRADED_COMMITMENTS = "insert into kpi_commitment (kind, commitment_id,"
            + " invoice_number, client_id, currency, due_date, on_date, grade)"
            + " select 'PROMISE', p.id, p.invoice_number, i.client_id, i.currency, i.due_date, p.promised_date, p.grade"
            + " from promise_to_pay p join invoice i on i.number = p.invoice_number"
            + " where p.grade is not null and p.invoice_number in (:numbers)"
            + " union all select 'INSTALMENT', s.id, pl.invoice_number, i.client_id, i.currency, i.due_date, s.due_on,"
            + " s.grade from instalment s join payment_plan pl on pl.id = s.plan_id"
            + " join invoice i on i.number = pl.invoice_number"
            + " where s.grade is not null and pl.invoice_number in (:numbers)";
    private static final Set<String> MILESTONES = new HashSet<>();

    static {
        MILESTONES.addAll(InvoiceFacts.COURT_EVENTS);
        MILESTONES.addAll(InvoiceFacts.LEGAL_EVENTS);
        MILESTONES.addAll(InvoiceFacts.DISPUTE_EVENTS);
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;
    private final UnaryOperator<LocalDate> negotiationLastDay;

    KpiFactStore(NamedParameterJdbcTemplate jdbc, @Value("${collectflow.time-zone}") ZoneId zone, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.negotiationLastDay = deadlines::negotiationLastDay;
    }

    /** Derives the facts of these invoices anew, holding their ledger rows locked so concurrent changes queue up. */
    void refresh(Collection<String> invoiceNumbers) {
        inBatches(new ArrayList<>(new TreeSet<>(invoiceNumbers)), batch -> {
            jdbc.queryForList("select number from invoice where number in (:numbers) for update",
                    Map.of("numbers", batch), String.class);
            write(batch, derive(batch));
        });
    }

    /**
     * Derives the facts of invoices this transaction registered: it holds their new rows, and no facts of them exist
     * to replace.
     */
    void deriveRegistered(Collection<String> invoiceNumbers) {
        inBatches(new ArrayList<>(new TreeSet<>(invoiceNumbers)), batch -> insert(derive(batch)));
    }

    /** Invoices whose facts were never derived (recorded before the KPIs existed); answers how many it derived. */
    int deriveMissing() {
        List<String> missing = jdbc.queryForList("select i.number from invoice i where not exists"
                + " (select 1 from kpi_invoice f where f.invoice_number = i.number)", Map.of(), String.class);
        inBatches(missing, batch -> write(batch, derive(batch)));
        return missing.size();
    }

    private static void inBatches(List<String> numbers, Consumer<List<String>> work) {
        for (int i = 0; i < numbers.size(); i += BATCH) {
            work.accept(numbers.subList(i, Math.min(numbers.size(), i + BATCH)));
        }
    }

    private List<Facts> derive(List<String> numbers) {
        return load(numbers).stream().map(ledger -> InvoiceFacts.of(ledger, negotiationLastDay)).toList();
    }

    private List<Ledger> load(List<String> numbers) {
        Map<String, Object> in = Map.of("numbers", numbers);
        Map<String, List<Change>> changes = new HashMap<>();
        jdbc.query("select invoice_number, paid_on, amount, source from payment where matched = true"
                + " and invoice_number in (:numbers)", in, row -> {
            MovementKind kind = "COURT".equals(row.getString(4)) ? MovementKind.COURT : MovementKind.PAYMENT;
            changes.computeIfAbsent(row.getString(1), n -> new ArrayList<>()).add(new Change(
                    row.getDate(2).toLocalDate(), kind, row.getBigDecimal(3)));
        });
        jdbc.query("select invoice_number, on_date, kind, amount from invoice_adjustment"
                + " where invoice_number in (:numbers)", in, row -> {
            changes.computeIfAbsent(row.getString(1), n -> new ArrayList<>()).add(new Change(
                    row.getDate(2).toLocalDate(), kind(row.getString(3)), row.getBigDecimal(4)));
        });
        Map<String, List<Event>> events = new HashMap<>();
        jdbc.query("select invoice_number, type, occurred_at from case_event where invoice_number in (:numbers)"
                + " and type in (:types)", Map.of("numbers", numbers, "types", MILESTONES), row -> {
            events.computeIfAbsent(row.getString(1), n -> new ArrayList<>()).add(new Event(
                    day(row.getTimestamp(3)), row.getString(2)));
        });
        return jdbc.query("select number, client_id, currency, amount, issue_date, due_date, status, closed_at,"
                + " history, disputed from invoice where number in (:numbers)", in, (row, i) -> {
            String number = row.getString(1);
            String status = row.getString(7);
            return new Ledger(number, row.getString(2), row.getString(3), row.getBigDecimal(4),
                    row.getDate(5).toLocalDate(), row.getDate(6).toLocalDate(), status,
                    !"OPEN".equals(status) && !"OVERDUE".equals(status), day(row.getTimestamp(8)),
                    row.getBoolean(9), row.getBoolean(10), changes.getOrDefault(number, List.of()),
                    events.getOrDefault(number, List.of()));
        });
    }

    private void write(List<String> numbers, List<Facts> facts) {
        Map<String, Object> in = Map.of("numbers", numbers);
        jdbc.update("delete from kpi_movement where invoice_number in (:numbers)", in);
        jdbc.update("delete from kpi_invoice where invoice_number in (:numbers)", in);
        jdbc.update("delete from kpi_commitment where invoice_number in (:numbers)", in);
        insert(facts);
        jdbc.update(GRADED_COMMITMENTS, in);
    }

    private void insert(List<Facts> facts) {
        jdbc.batchUpdate("insert into kpi_invoice (invoice_number, client_id, currency, amount, owed, issue_date,"
                + " issue_day, due_date, due_month, status, history, disputed, open_amount, closed_on, closed_day,"
                + " last_movement_on, first_movement_on, paid_by_due, paid_in_full_on, on_time, paid_late, paid_within_negotiation,"
                + " days_late, legal_on, court_on, not_due_from_day, not_due_to_day, negotiation_from_day,"
                + " negotiation_to_day, claim_from_day, claim_to_day, court_from_day, court_to_day) values"
                + " (:number, :client, :currency, :amount, :owed, :issueDate, :issueDay, :dueDate, :dueMonth, :status,"
                + " :history, :disputed, :openAmount, :closedOn, :closedDay, :lastMovementOn, :firstMovementOn, :paidByDue,"
                + " :paidInFullOn, :onTime, :paidLate, :withinNegotiation, :daysLate, :legalOn, :courtOn,"
                + " :notDueFrom, :notDueTo, :negotiationFrom, :negotiationTo, :claimFrom, :claimTo, :courtFrom,"
                + " :courtTo)", facts.stream().map(KpiFactStore::invoiceRow).toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> movements = new ArrayList<>();
        for (Facts fact : facts) {
            for (Movement movement : fact.movements()) {
                movements.add(new MapSqlParameterSource()
                        .addValue("number", fact.ledger().number())
                        .addValue("seq", movement.seq())
                        .addValue("client", fact.ledger().clientId())
                        .addValue("currency", fact.ledger().currency())
                        .addValue("dueDate", Date.valueOf(fact.ledger().dueDate()))
                        .addValue("on", Date.valueOf(movement.on()))
                        .addValue("month", month(movement.on()))
                        .addValue("kind", movement.kind().name())
                        .addValue("stage", movement.stage().name())
                        .addValue("amount", movement.amount()));
            }
        }
        jdbc.batchUpdate("insert into kpi_movement (invoice_number, seq, client_id, currency, due_date, on_date,"
                + " on_month, kind, stage, amount) values (:number, :seq, :client, :currency, :dueDate, :on, :month,"
                + " :kind, :stage, :amount)", movements.toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource invoiceRow(Facts f) {
        Ledger l = f.ledger();
        return new MapSqlParameterSource()
                .addValue("number", l.number())
                .addValue("client", l.clientId())
                .addValue("currency", l.currency())
                .addValue("amount", l.amount())
                .addValue("owed", f.owed())
                .addValue("issueDate", Date.valueOf(l.issueDate()))
                .addValue("issueDay", (int) l.issueDate().toEpochDay())
                .addValue("dueDate", Date.valueOf(l.dueDate()))
                .addValue("dueMonth", month(l.dueDate()))
                .addValue("status", l.status())
                .addValue("history", l.history())
                .addValue("disputed", f.disputed())
                .addValue("openAmount", f.openAmount())
                .addValue("closedOn", Date.valueOf(f.closedOn()))
                .addValue("closedDay", (int) f.closedOn().toEpochDay())
                .addValue("lastMovementOn", Date.valueOf(f.lastMovementOn()))
                .addValue("firstMovementOn", Date.valueOf(f.movements().stream().map(Movement::on)
                        .min(Comparator.naturalOrder()).orElse(Validity.STILL)))
                .addValue("paidByDue", f.paidByDue())
                .addValue("paidInFullOn", date(f.paidInFullOn()), java.sql.Types.DATE)
                .addValue("onTime", f.onTime())
                .addValue("paidLate", f.paidLate())
                .addValue("withinNegotiation", f.paidWithinNegotiation())
                .addValue("daysLate", f.daysLate(), java.sql.Types.INTEGER)
                .addValue("legalOn", date(f.legalOn()), java.sql.Types.DATE)
                .addValue("courtOn", date(f.courtOn()), java.sql.Types.DATE)
                .addValue("notDueFrom", (int) f.notDueFromDay())
                .addValue("notDueTo", (int) f.notDueToDay())
                .addValue("negotiationFrom", integer(f.negotiationFromDay()), java.sql.Types.INTEGER)
                .addValue("negotiationTo", integer(f.negotiationToDay()), java.sql.Types.INTEGER)
                .addValue("claimFrom", integer(f.claimFromDay()), java.sql.Types.INTEGER)
                .addValue("claimTo", integer(f.claimToDay()), java.sql.Types.INTEGER)
                .addValue("courtFrom", integer(f.courtFromDay()), java.sql.Types.INTEGER)
                .addValue("courtTo", integer(f.courtToDay()), java.sql.Types.INTEGER);
    }

    static int month(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }

    private static MovementKind kind(String adjustment) {
        return switch (adjustment) {
            case "REDUCED" -> MovementKind.REDUCED;
            case "WRITTEN_OFF" -> MovementKind.WRITTEN_OFF;
            default -> MovementKind.PAYMENT; // SETTLED_BEFORE_IMPORT
        };
    }

    private LocalDate day(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(zone).toLocalDate();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static Integer integer(Long day) {
        return day == null ? null : day.intValue();
    }
}
