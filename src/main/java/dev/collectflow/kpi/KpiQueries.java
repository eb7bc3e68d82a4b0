package dev.collectflow.kpi;

import dev.collectflow.kpi.KpiQuery.Grouping;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The KPI queries: each one set-based statement over the facts ({@code kpi_invoice}, {@code kpi_movement}) joined
 * to the ownership and team history as they were on each invoice's due date. Sums and counts come from the
 * database; rates and averages are computed from them in {@link KpiService}, rounded in one place ({@link Rates}).
 */
@Repository
class KpiQueries {

    /** The client's owner at the end of the due date. */
    private static final String OWNER = " left join client_ownership o on o.client_id = %1$s.client_id"
            + " and o.valid_from <= %1$s.due_date and %1$s.due_date < o.valid_to";
    /** That owner's team on that day. */
    private static final String TEAM = " left join team_membership t on t.user_id = o.owner"
            + " and t.valid_from <= %1$s.due_date and %1$s.due_date < t.valid_to";

    private final NamedParameterJdbcTemplate jdbc;

    KpiQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record OnTimeSums(String subject, String currency, long invoices, long paidOnTime, long paidLate,
                      long withinNegotiation, BigDecimal owed, BigDecimal paidByDue, long daysLate) {
    }

    record MovementSum(String key, String currency, String kind, String stage, BigDecimal amount) {
    }

    record AgingSums(String currency, BigDecimal current, BigDecimal days1To30, BigDecimal days31To60,
                     BigDecimal days61To90, BigDecimal over90, BigDecimal total, long invoices) {
    }

    record StageNowSums(String stage, String currency, long cases, BigDecimal openAmount) {
    }

    /** On-time sums of invoices due in the period, grouped as asked (or by month of the due date). */
    List<OnTimeSums> onTime(KpiQuery query, boolean byMonth) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String key = byMonth ? "f.due_month" : switch (query.by()) {
            case MANAGER -> "o.owner";
            case TEAM -> "t.team_id";
            case CLIENT -> "f.client_id";
            case COMPANY -> null;
        };
        String sql = "select " + (key == null ? "'company'" : "cast(" + key + " as varchar(64))") + " as subject,"
                + " f.currency, count(*) as invoices,"
                + " sum(case when f.on_time then 1 else 0 end) as on_time,"
                + " sum(case when f.paid_late then 1 else 0 end) as paid_late,"
                + " sum(case when f.paid_within_negotiation then 1 else 0 end) as within_negotiation,"
                + " sum(f.owed) as owed, sum(f.paid_by_due) as paid_by_due,"
                + " sum(coalesce(f.days_late, 0)) as days_late"
                + " from kpi_invoice f" + attribution("f", query, key)
                + " where f.due_date >= :from and f.due_date <= :to and f.owed > 0"
                + filters("f", query, params)
                + " group by " + (key == null ? "" : key + ", ") + "f.currency";
        params.addValue("from", Date.valueOf(query.from())).addValue("to", Date.valueOf(query.to()));
        return jdbc.query(sql, params, (row, i) -> new OnTimeSums(row.getString("subject"), row.getString("currency"),
                row.getLong("invoices"), row.getLong("on_time"), row.getLong("paid_late"),
                row.getLong("within_negotiation"), row.getBigDecimal("owed"), row.getBigDecimal("paid_by_due"),
                row.getLong("days_late")));
    }

    /** Money movements dated in the period, by kind and stage (and by month of the movement when asked). */
    List<MovementSum> movements(KpiQuery query, boolean byMonth) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "select " + (byMonth ? "cast(m.on_month as varchar(8))" : "'all'") + " as month_key,"
                + " m.currency, m.kind, m.stage, sum(m.amount) as amount"
                + " from kpi_movement m" + attribution("m", query, null)
                + " where m.on_date >= :from and m.on_date <= :to"
                + filters("m", query, params)
                + " group by " + (byMonth ? "m.on_month, " : "") + "m.currency, m.kind, m.stage";
        params.addValue("from", Date.valueOf(query.from())).addValue("to", Date.valueOf(query.to()));
        return jdbc.query(sql, params, (row, i) -> new MovementSum(row.getString("month_key"),
                row.getString("currency"), row.getString("kind"), row.getString("stage"), row.getBigDecimal("amount")));
    }

    /**
     * Open amounts at the end of the day asOf, by currency and days past due. An invoice's open amount on a day is
     * its open amount now when nothing moved since, its full amount when nothing had moved yet, and only otherwise
     * (partly paid around that day) the amount less its movements up to the day. Summed per due date first, so the
     * buckets are drawn over a few thousand sums, not over every open invoice.
     */
    List<AgingSums> aging(KpiQuery query) {
        LocalDate day = query.asOf();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("asOf", Date.valueOf(day))
                .addValue("d30", Date.valueOf(day.minusDays(30)))
                .addValue("d60", Date.valueOf(day.minusDays(60)))
                .addValue("d90", Date.valueOf(day.minusDays(90)));
        String sql = "select a.currency,"
                + " sum(case when a.due_date >= :asOf then a.open_amount else 0 end) as current_amount,"
                + " sum(case when a.due_date < :asOf and a.due_date >= :d30 then a.open_amount else 0 end) as d1,"
                + " sum(case when a.due_date < :d30 and a.due_date >= :d60 then a.open_amount else 0 end) as d31,"
                + " sum(case when a.due_date < :d60 and a.due_date >= :d90 then a.open_amount else 0 end) as d61,"
                + " sum(case when a.due_date < :d90 then a.open_amount else 0 end) as d91,"
                + " sum(a.open_amount) as total, sum(a.invoices) as invoices"
                + " from (select o.currency, o.due_date, sum(o.open_amount) as open_amount, count(*) as invoices"
                + " from (select f.currency, f.due_date,"
                + " case when f.last_movement_on <= :asOf then f.open_amount"
                + " when f.first_movement_on > :asOf then f.amount"
                + " else f.amount - (select sum(mm.amount) from kpi_movement mm"
                + " where mm.invoice_number = f.invoice_number and mm.on_date <= :asOf) end as open_amount"
                + " from kpi_invoice f" + attribution("f", query, null)
                + " where f.closed_on > :asOf and f.issue_date <= :asOf"
                + filters("f", query, params) + ") o"
                + " where o.open_amount > 0 group by o.currency, o.due_date) a group by a.currency";
        return jdbc.query(sql, params, (row, i) -> new AgingSums(row.getString("currency"),
                row.getBigDecimal("current_amount"), row.getBigDecimal("d1"), row.getBigDecimal("d31"),
                row.getBigDecimal("d61"), row.getBigDecimal("d91"), row.getBigDecimal("total"),
                row.getLong("invoices")));
    }

    /** Amounts invoiced (by issue date) in the period, per currency. */
    Map<String, BigDecimal> sales(KpiQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", Date.valueOf(query.from())).addValue("to", Date.valueOf(query.to()));
        String sql = "select f.currency, sum(f.amount) as amount from kpi_invoice f" + attribution("f", query, null)
                + " where f.issue_date >= :from and f.issue_date <= :to" + filters("f", query, params)
                + " group by f.currency";
        Map<String, BigDecimal> sales = new LinkedHashMap<>();
        jdbc.query(sql, params, row -> {
            sales.put(row.getString("currency"), row.getBigDecimal("amount"));
        });
        return sales;
    }

    /**
     * [clients with a collection case closed in the period, of those invoiced again within the window]. Each client's
     * cases are tried one by one only until one of them was followed by a new invoice.
     */
    long[] loyalty(KpiQuery query, int windowDays) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", Date.valueOf(query.from())).addValue("to", Date.valueOf(query.to()))
                .addValue("window", windowDays);
        String casesClosedInPeriod = " where %1$s.closed_on >= :from and %1$s.closed_on <= :to"
                + " and %1$s.closed_on > %1$s.due_date";
        String sql = "select count(*) as clients, sum(case when exists (select 1 from kpi_invoice g"
                + attribution("g", query, null) + casesClosedInPeriod.formatted("g")
                + " and g.client_id = c.client_id" + filters("g", query, params)
                + " and exists (select 1 from kpi_invoice n where n.client_id = g.client_id"
                + " and n.issue_day > g.closed_day and n.issue_day <= g.closed_day + :window)) then 1 else 0 end) as kept"
                + " from (select distinct f.client_id from kpi_invoice f" + attribution("f", query, null)
                + casesClosedInPeriod.formatted("f") + filters("f", query, params) + ") c";
        return jdbc.queryForObject(sql, params, (row, i) -> new long[] {row.getLong("clients"), row.getLong("kept")});
    }

    /** For each stage: [days spent in it, cases that reached it] of invoices due in the period. */
    Map<String, long[]> stageTimes(KpiQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", Date.valueOf(query.from())).addValue("to", Date.valueOf(query.to()))
                .addValue("today", (int) query.today().toEpochDay());
        StringBuilder select = new StringBuilder("select ");
        List<String> stages = List.of("not_due", "negotiation", "claim", "court");
        for (String stage : stages) {
            select.append(" sum(case when f.").append(stage).append("_from_day <= :today then least(coalesce(f.")
                    .append(stage).append("_to_day, :today), :today) - f.").append(stage)
                    .append("_from_day else 0 end) as ").append(stage).append("_days,")
                    .append(" sum(case when f.").append(stage).append("_from_day <= :today then 1 else 0 end) as ")
                    .append(stage).append("_cases,");
        }
        select.setLength(select.length() - 1);
        String sql = select + " from kpi_invoice f" + attribution("f", query, null)
                + " where f.due_date >= :from and f.due_date <= :to" + filters("f", query, params);
        return jdbc.queryForObject(sql, params, (row, i) -> {
            Map<String, long[]> times = new LinkedHashMap<>();
            for (String stage : stages) {
                times.put(stage.toUpperCase(), new long[] {row.getLong(stage + "_days"), row.getLong(stage + "_cases")});
            }
            return times;
        });
    }

    record PromiseSums(String subject, String kind, long graded, long kept, long partlyKept, long broken) {
    }

    /** Graded promises and instalments whose date lies in the period, by kind, grouped as asked. */
    List<PromiseSums> promises(KpiQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", Date.valueOf(query.from())).addValue("to", Date.valueOf(query.to()));
        String key = switch (query.by()) {
            case MANAGER -> "o.owner";
            case TEAM -> "t.team_id";
            case CLIENT -> "g.client_id";
            case COMPANY -> null;
        };
        String sql = "select " + (key == null ? "'company'" : "cast(" + key + " as varchar(64))") + " as subject,"
                + " g.kind, count(*) as graded,"
                + " sum(case when g.grade = 'KEPT' then 1 else 0 end) as kept,"
                + " sum(case when g.grade = 'PARTLY_KEPT' then 1 else 0 end) as partly_kept,"
                + " sum(case when g.grade = 'BROKEN' then 1 else 0 end) as broken"
                + " from kpi_commitment g" + attribution("g", query, key)
                + " where g.on_date >= :from and g.on_date <= :to" + filters("g", query, params)
                + " group by " + (key == null ? "" : key + ", ") + "g.kind";
        return jdbc.query(sql, params, (row, i) -> new PromiseSums(row.getString("subject"), row.getString("kind"),
                row.getLong("graded"), row.getLong("kept"), row.getLong("partly_kept"), row.getLong("broken")));
    }

    /** Invoices open today by the stage of their case, per currency. */
    List<StageNowSums> stagesNow(KpiQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("today", Date.valueOf(query.today()));
        String sql = "select s.stage, s.currency, count(*) as cases, sum(s.open_amount) as open_amount from"
                + " (select f.currency, f.open_amount, case when f.court_on <= :today then 'COURT'"
                + " when f.legal_on <= :today then 'CLAIM' when f.due_date < :today then 'NEGOTIATION'"
                + " else 'NOT_DUE' end as stage"
                + " from kpi_invoice f" + attribution("f", query, null)
                + " where f.closed_on > :today and f.open_amount > 0" + filters("f", query, params) + ") s"
                + " group by s.stage, s.currency";
        return jdbc.query(sql, params, (row, i) -> new StageNowSums(row.getString("stage"), row.getString("currency"),
                row.getLong("cases"), row.getBigDecimal("open_amount")));
    }

    /**
     * The ownership and team history joins, only where the query needs the owner or team: to filter or group by
     * them (groupKey: the grouping column, or null), or because the asking person sees only some owners' invoices.
     * Everything else reads the facts alone.
     */
    private static String attribution(String alias, KpiQuery query, String groupKey) {
        boolean team = groupKey != null && groupKey.startsWith("t.") || query.team() != null
                || query.scope().onlyTeams() != null;
        boolean owner = team || groupKey != null && groupKey.startsWith("o.") || query.manager() != null
                || query.scope().onlyManager() != null;
        return (owner ? OWNER.formatted(alias) : "") + (team ? TEAM.formatted(alias) : "");
    }

    /** The filters and the asking person's scope, as conditions on the invoice (or movement) and its attribution. */
    private static String filters(String alias, KpiQuery query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder();
        if (query.currency() != null) {
            where.append(" and ").append(alias).append(".currency = :currency");
            params.addValue("currency", query.currency());
        }
        if (query.client() != null) {
            where.append(" and ").append(alias).append(".client_id = :client");
            params.addValue("client", query.client());
        }
        if (query.manager() != null) {
            where.append(" and o.owner = :manager");
            params.addValue("manager", query.manager());
        }
        if (query.team() != null) {
            where.append(" and t.team_id = :team");
            params.addValue("team", query.team());
        }
        KpiQuery.Scope scope = query.scope();
        if (scope.onlyManager() != null) {
            where.append(" and o.owner = :scopeManager");
            params.addValue("scopeManager", scope.onlyManager());
        }
        if (scope.onlyTeams() != null) {
            where.append(scope.onlyTeams().isEmpty() ? " and o.owner is null"
                    : " and (t.team_id in (:scopeTeams) or o.owner is null)");
            params.addValue("scopeTeams", scope.onlyTeams());
        }
        return where.toString();
    }

    static boolean isCompany(KpiQuery query) {
        return query.by() == Grouping.COMPANY;
    }
}
