package dev.collectflow.kpi;

import static dev.collectflow.system.Groups.*;

import dev.collectflow.client.ClientRepository;
import dev.collectflow.client.OwnershipHistory;
import dev.collectflow.kpi.KpiQueries.AgingSums;
import dev.collectflow.kpi.KpiQueries.MovementSum;
import dev.collectflow.kpi.KpiQueries.OnTimeSums;
import dev.collectflow.kpi.KpiQuery.Grouping;
import dev.collectflow.kpi.KpiQuery.Scope;
import dev.collectflow.security.ApiUser;
import dev.collectflow.staff.SalesTeams;
import dev.collectflow.staff.TeamHistory;
import dev.collectflow.system.ForbiddenException;
import dev.collectflow.system.Groups;
import dev.collectflow.system.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs, scoped like cases: a sales manager sees the figures of their own invoices, a head of sales those of their
 * teams (and of clients without owner), finance, management and operators everything. Definitions:
 * {@link KpiDefinitions}.
 */
@Service
public class KpiService {

    static final String NO_OWNER = "(no owner)";
    static final String NO_TEAM = "(no team)";

    private final KpiQueries queries;
    private final TeamHistory teamHistory;
    private final SalesTeams salesTeams;
    private final OwnershipHistory ownership;
    private final ClientRepository clients;
    private final IdentityService identity;
    private final KpiProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    public KpiService(KpiQueries queries, TeamHistory teamHistory, SalesTeams salesTeams, OwnershipHistory ownership,
                      ClientRepository clients, IdentityService identity, KpiProperties properties, Clock clock,
                      @Value("${collectflow.time-zone}") ZoneId zone) {
        this.queries = queries;
        this.teamHistory = teamHistory;
        this.salesTeams = salesTeams;
        this.ownership = ownership;
        this.clients = clients;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.OnTime> onTime(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        List<KpiRows.OnTime> rows = queries.onTime(query, false).stream()
                .map(sums -> onTimeRow(subject(query.by(), sums.subject()), sums))
                .sorted(Comparator.comparing(KpiRows.OnTime::subject).thenComparing(KpiRows.OnTime::currency))
                .toList();
        return report("on-time", KpiDefinitions.ON_TIME, query, false, rows);
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.Collected> collected(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        Map<String, List<MovementSum>> byCurrency = queries.movements(query, false).stream()
                .collect(Collectors.groupingBy(MovementSum::currency, TreeMap::new, Collectors.toList()));
        List<KpiRows.Collected> rows = new ArrayList<>();
        byCurrency.forEach((currency, sums) -> {
            BigDecimal beforeDue = collected(sums, "BEFORE_DUE");
            BigDecimal negotiation = collected(sums, "NEGOTIATION");
            BigDecimal claim = collected(sums, "CLAIM");
            BigDecimal court = collected(sums, "COURT");
            rows.add(new KpiRows.Collected(currency, beforeDue, negotiation, claim, court,
                    beforeDue.add(negotiation).add(claim).add(court), kind(sums, "WRITTEN_OFF"), kind(sums, "REDUCED")));
        });
        return report("collected", KpiDefinitions.COLLECTED, query, false, rows);
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.Aging> aging(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        List<KpiRows.Aging> rows = queries.aging(query).stream()
                .sorted(Comparator.comparing(AgingSums::currency))
                .map(a -> new KpiRows.Aging(a.currency(), Rates.money(a.current()), Rates.money(a.days1To30()),
                        Rates.money(a.days31To60()), Rates.money(a.days61To90()), Rates.money(a.over90()),
                        Rates.money(a.total()), a.invoices()))
                .toList();
        return report("aging", KpiDefinitions.AGING, query, true, rows);
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.Dso> dso(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        Map<String, BigDecimal> open = openTotals(query.asOf(query.to()));
        Map<String, BigDecimal> sales = queries.sales(query);
        List<KpiRows.Dso> rows = new ArrayList<>();
        for (String currency : currencies(open, sales)) {
            BigDecimal receivables = open.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal sold = sales.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal dso = sold.signum() == 0 ? null
                    : receivables.multiply(BigDecimal.valueOf(query.days())).divide(sold, 1, RoundingMode.HALF_UP);
            rows.add(new KpiRows.Dso(currency, Rates.money(receivables), Rates.money(sold), query.days(), dso));
        }
        return report("dso", KpiDefinitions.DSO, query, false, rows);
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.Cei> cei(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        Map<String, BigDecimal> start = openTotals(query.asOf(query.from().minusDays(1)));
        List<AgingSums> end = queries.aging(query.asOf(query.to()));
        Map<String, BigDecimal> sales = queries.sales(query);
        Map<String, BigDecimal> endTotal = end.stream().collect(Collectors.toMap(AgingSums::currency, AgingSums::total));
        Map<String, BigDecimal> endCurrent = end.stream().collect(Collectors.toMap(AgingSums::currency, AgingSums::current));
        List<KpiRows.Cei> rows = new ArrayList<>();
        for (String currency : currencies(start, sales, endTotal)) {
            BigDecimal b = start.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal s = sales.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal e = endTotal.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal ec = endCurrent.getOrDefault(currency, BigDecimal.ZERO);
            rows.add(new KpiRows.Cei(currency, Rates.money(b), Rates.money(s), Rates.money(e), Rates.money(ec),
                    Rates.percent(b.add(s).subtract(e), b.add(s).subtract(ec))));
        }
        return report("cei", KpiDefinitions.CEI, query, false, rows);
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.Loyalty> loyalty(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        int window = properties.loyaltyWindow().getDays();
        long[] counts = queries.loyalty(query, window);
        return report("loyalty", KpiDefinitions.LOYALTY, query, false,
                List.of(new KpiRows.Loyalty(counts[0], counts[1], Rates.percent(counts[1], counts[0]), window)));
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.StageTime> stageTimes(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        List<KpiRows.StageTime> rows = new ArrayList<>();
        queries.stageTimes(query).forEach((stage, daysAndCases) ->
                rows.add(new KpiRows.StageTime(stage, daysAndCases[1], Rates.average(daysAndCases[0], daysAndCases[1]))));
        return report("stage-times", KpiDefinitions.STAGE_TIMES, query, false, rows);
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.StageNow> stagesNow(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        List<String> order = List.of("NOT_DUE", "NEGOTIATION", "CLAIM", "COURT");
        List<KpiRows.StageNow> rows = queries.stagesNow(query).stream()
                .sorted(Comparator.comparing((KpiQueries.StageNowSums s) -> order.indexOf(s.stage()))
                        .thenComparing(KpiQueries.StageNowSums::currency))
                .map(s -> new KpiRows.StageNow(s.stage(), s.currency(), s.cases(), Rates.money(s.openAmount())))
                .toList();
        return new KpiReport<>("stages-now", KpiDefinitions.STAGES_NOW, null, null, null, query.today(), rows);
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.Trend> trend(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        Map<String, KpiRows.Trend> rows = new TreeMap<>();
        for (OnTimeSums sums : queries.onTime(query, true)) {
            KpiRows.OnTime onTime = onTimeRow(sums.subject(), sums);
            rows.put(month(sums.subject()) + " " + sums.currency(), new KpiRows.Trend(month(sums.subject()),
                    sums.currency(), onTime.invoices(), onTime.paidOnTime(), onTime.onTimeRateByCount(),
                    onTime.amountDue(), onTime.amountPaidOnTime(), onTime.onTimeRateByAmount(),
                    Rates.money(null), Rates.money(null)));
        }
        Map<String, List<MovementSum>> movements = queries.movements(query, true).stream()
                .collect(Collectors.groupingBy(m -> month(m.key()) + " " + m.currency()));
        movements.forEach((key, sums) -> {
            KpiRows.Trend row = rows.get(key);
            String[] monthAndCurrency = key.split(" ");
            BigDecimal collected = sums.stream().filter(s -> s.kind().equals("PAYMENT") || s.kind().equals("COURT"))
                    .map(MovementSum::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal writtenOff = kind(sums, "WRITTEN_OFF");
            rows.put(key, row == null
                    ? new KpiRows.Trend(monthAndCurrency[0], monthAndCurrency[1], 0, 0, null, Rates.money(null),
                            Rates.money(null), null, Rates.money(collected), writtenOff)
                    : new KpiRows.Trend(row.month(), row.currency(), row.invoices(), row.paidOnTime(),
                            row.onTimeRateByCount(), row.amountDue(), row.amountPaidOnTime(),
                            row.onTimeRateByAmount(), Rates.money(collected), writtenOff));
        });
        return report("trend", KpiDefinitions.TREND, query, false, List.copyOf(rows.values()));
    }

    @Transactional(readOnly = true)
    public KpiReport<KpiRows.Promises> promises(ApiUser user, KpiFilter filter) {
        KpiQuery query = check(user, filter);
        List<KpiRows.Promises> rows = queries.promises(query).stream()
                .map(s -> new KpiRows.Promises(subject(query.by(), s.subject()), s.kind(), s.graded(), s.kept(),
                        s.partlyKept(), s.broken(), Rates.percent(s.kept(), s.graded())))
                .sorted(Comparator.comparing(KpiRows.Promises::subject).thenComparing(KpiRows.Promises::kind,
                        Comparator.reverseOrder()))
                .toList();
        return report("promises", KpiDefinitions.PROMISES, query, false, rows);
    }

    /** Which KPI figures the user may see at all: nobody outside sales, finance, management and operations. */
    public boolean maySee(ApiUser user) {
        return user.isIn(FINANCE, MANAGEMENT, ADMIN, SALES_HEADS, SALES);
    }

    /** The managers and teams the user's figures cover, for filters offered on the dashboard. */
    public Scope scopeOf(ApiUser user) {
        if (user.isIn(FINANCE, MANAGEMENT, ADMIN)) {
            return Scope.ALL;
        }
        if (user.isIn(SALES_HEADS)) {
            return Scope.teams(teamsOf(user.id()));
        }
        if (user.isIn(SALES)) {
            return Scope.manager(user.id());
        }
        throw new ForbiddenException("KPIs are for sales, heads of sales, finance, management and operators");
    }

    /** Checks the filters (4xx naming the field) and the user's right to them; brings team history up to date. */
    KpiQuery check(ApiUser user, KpiFilter filter) {
        Scope scope = scopeOf(user);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = filter.to() != null ? filter.to() : today;
        LocalDate from = filter.from() != null ? filter.from() : to.withDayOfMonth(1).minusMonths(11);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from (" + from + ")");
        }
        if (from.isBefore(LocalDate.of(1900, 1, 2)) || to.isAfter(LocalDate.of(9998, 12, 31))) {
            throw new InvalidInputException(from.isBefore(LocalDate.of(1900, 1, 2)) ? "from" : "to",
                    "must lie between 1900-01-02 and 9998-12-31");
        }
        if (filter.manager() != null && !salesTeams.isSalesManager(filter.manager())
                && !ownership.everOwned(filter.manager())) {
            throw new InvalidInputException("manager", "unknown sales manager " + filter.manager());
        }
        if (filter.team() != null && identity.createGroupQuery().groupId(filter.team())
                .groupType(Groups.TEAM_TYPE).count() == 0) {
            throw new InvalidInputException("team", "unknown sales team " + filter.team());
        }
        if (filter.client() != null && !clients.existsById(filter.client())) {
            throw new InvalidInputException("client", "unknown client " + filter.client());
        }
        if (scope.onlyManager() != null && filter.manager() != null && !filter.manager().equals(user.id())) {
            throw new ForbiddenException("A sales manager sees only their own figures");
        }
        if (scope.onlyTeams() != null && filter.team() != null && !scope.onlyTeams().contains(filter.team())) {
            throw new ForbiddenException("A head of sales sees only the figures of their own teams");
        }
        if (scope.onlyTeams() != null && filter.manager() != null
                && !salesTeams.headsOf(filter.manager()).contains(user.id())) {
            throw new ForbiddenException("A head of sales sees only the figures of their own teams");
        }
        teamHistory.update();
        Grouping by = filter.by() == null ? Grouping.MANAGER : Grouping.valueOf(filter.by().toUpperCase());
        return new KpiQuery(from, to, filter.asOf() != null ? filter.asOf() : today, today, filter.manager(),
                filter.team(), filter.client(), filter.currency(), by, scope);
    }

    private Set<String> teamsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).groupType(Groups.TEAM_TYPE).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
    }

    private Map<String, BigDecimal> openTotals(KpiQuery query) {
        return queries.aging(query).stream().collect(Collectors.toMap(AgingSums::currency, AgingSums::total));
    }

    private static KpiRows.OnTime onTimeRow(String subject, OnTimeSums s) {
        return new KpiRows.OnTime(subject, s.currency(), s.invoices(), s.paidOnTime(), s.paidLate(),
                s.withinNegotiation(), s.invoices() - s.paidOnTime() - s.paidLate(), Rates.money(s.owed()),
                Rates.money(s.paidByDue()), Rates.percent(s.paidOnTime(), s.invoices()),
                Rates.percent(s.paidByDue(), s.owed()),
                Rates.percent(s.withinNegotiation(), s.invoices() - s.paidOnTime()),
                Rates.average(s.daysLate(), s.paidLate()));
    }

    private static String subject(Grouping by, String key) {
        if (key != null) {
            return key;
        }
        return by == Grouping.TEAM ? NO_TEAM : NO_OWNER;
    }

    private static String month(String yyyymm) {
        return yyyymm.substring(0, 4) + "-" + yyyymm.substring(4, 6);
    }

    private static BigDecimal collected(List<MovementSum> sums, String stage) {
        return Rates.money(sums.stream()
                .filter(s -> s.stage().equals(stage) && (s.kind().equals("PAYMENT") || s.kind().equals("COURT")))
                .map(MovementSum::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static BigDecimal kind(List<MovementSum> sums, String kind) {
        return Rates.money(sums.stream().filter(s -> s.kind().equals(kind))
                .map(MovementSum::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @SafeVarargs
    private static List<String> currencies(Map<String, BigDecimal>... maps) {
        return java.util.Arrays.stream(maps).flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }

    private static <R> KpiReport<R> report(String kpi, String definition, KpiQuery query, boolean asOf, List<R> rows) {
        boolean grouped = kpi.equals("on-time") || kpi.equals("promises");
        return new KpiReport<>(kpi, definition, grouped ? query.by().name().toLowerCase() : null,
                asOf ? null : query.from(), asOf ? null : query.to(), asOf ? query.asOf() : null, rows);
    }
}
