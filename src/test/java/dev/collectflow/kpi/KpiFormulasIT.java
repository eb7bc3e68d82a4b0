package dev.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.CollectionTestSupport;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.payment.PaymentData;
import dev.collectflow.security.ApiUser;
import dev.collectflow.system.Groups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every KPI formula on small ledgers made by hand, with the answers worked out here. The ledgers are booked through
 * the domain services (invoices, payments, adjustments, audit trail) on days set by moving the clock; each test has
 * clients, managers and a team of its own, so the figures of other tests do not mix in.
 */
class KpiFormulasIT extends CollectionTestSupport {

    private static final ApiUser FINANCE = new ApiUser("fred", Set.of(Groups.FINANCE));

    @Autowired KpiService kpis;

    private String ann;
    private String bob;
    private String team;

    @BeforeEach
    void aTeamOfTwo() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        team = "kpiteam" + run;
        Group group = identity.newGroup(team);
        group.setType(Groups.TEAM_TYPE);
        group.setName(team);
        identity.saveGroup(group);
        ann = salesManager("ann" + run);
        bob = salesManager("bob" + run);
    }

    private String salesManager(String id) {
        User user = identity.newUser(id);
        user.setPassword("secret");
        identity.saveUser(user);
        identity.createMembership(id, Groups.SALES);
        identity.createMembership(id, team);
        return id;
    }

    private void on(LocalDate day) {
        clock.set(day.atTime(10, 0).atZone(BERLIN).toInstant());
    }

    private void changeOwner(String clientId, String owner) {
        ClientDetails d = clients.get(clientId).details();
        clients.save(clientId, new ClientDetails(d.name(), d.email(), d.phone(), d.contactPerson(), owner,
                d.keyClient(), d.language()), "fred");
    }

    private String client(String owner) {
        String id = "k-" + newInvoiceNumber().toLowerCase();
        clients.save(id, new ClientDetails("Client " + id, null, null, null, owner, false, "en"));
        return id;
    }

    private String invoice(String clientId, String amount, String currency, LocalDate issued, LocalDate due) {
        String number = newInvoiceNumber();
        invoices.register(new InvoiceData(number, clientId, new BigDecimal(amount), currency, issued, due));
        return number;
    }

    private void paid(String number, String amount, String currency, LocalDate on) {
        payments.receive(new PaymentData("P-" + UUID.randomUUID(), number, new BigDecimal(amount), currency, on), "fred");
    }

    private void event(String number, CaseEventType type, LocalDate on) {
        on(on);
        audit.record(number, type, "test", null);
    }

    private KpiFilter filter(LocalDate from, LocalDate to, String client, String by) {
        return new KpiFilter(from, to, null, null, null, client, null, by);
    }

    @Test
    void onTimeRateByCountAndAmountGoesToTheOwnerOfTheClientOnTheDueDate() {
        on(LocalDate.of(2026, 10, 1));
        String client = client(ann);
        String i1 = invoice(client, "1000.00", "EUR", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 10));
        String i2 = invoice(client, "500.00", "EUR", LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 20));
        String i3 = invoice(client, "800.00", "EUR", LocalDate.of(2026, 9, 25), LocalDate.of(2026, 11, 15));
        invoice(client, "300.00", "EUR", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        paid(i1, "1000.00", "EUR", LocalDate.of(2026, 10, 5));           // on time
        paid(i2, "200.00", "EUR", LocalDate.of(2026, 10, 18));           // part by the due date …
        paid(i2, "300.00", "EUR", LocalDate.of(2026, 10, 25));           // … the rest 5 days late
        on(LocalDate.of(2026, 11, 1));
        changeOwner(client, bob);                                         // from 1 November the client is bob's
        paid(i3, "800.00", "EUR", LocalDate.of(2026, 11, 15));           // on time, bob's (due after the change)

        List<KpiRows.OnTime> rows = kpis.onTime(FINANCE,
                filter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), client, "manager")).rows();

        // ann: i1, i2 and the unpaid 300 (due 31 October, before the change); 1 of 3 on time
        // by amount: (1000 + 200) / (1000 + 500 + 300) = 66.666… %; i2 paid 5 days late, within negotiation (10 days)
        assertThat(rows).containsExactly(
                new KpiRows.OnTime(ann, "EUR", 3, 1, 1, 1, 1, new BigDecimal("1800.00"), new BigDecimal("1200.00"),
                        new BigDecimal("33.33"), new BigDecimal("66.67"), new BigDecimal("50.00"), new BigDecimal("5.0")),
                new KpiRows.OnTime(bob, "EUR", 1, 1, 0, 0, 0, new BigDecimal("800.00"), new BigDecimal("800.00"),
                        new BigDecimal("100.00"), new BigDecimal("100.00"), null, null));

        // the same invoices for the team and the company: one row, counts and amounts added up
        KpiRows.OnTime teamRow = kpis.onTime(FINANCE,
                filter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), client, "team")).rows().get(0);
        assertThat(teamRow.subject()).isEqualTo(team);
        assertThat(teamRow.invoices()).isEqualTo(4);
        assertThat(teamRow.onTimeRateByCount()).isEqualByComparingTo("50.00");         // 2 of 4
        assertThat(teamRow.onTimeRateByAmount()).isEqualByComparingTo("76.92");        // 2000 / 2600
        KpiRows.OnTime company = kpis.onTime(FINANCE,
                filter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), client, "company")).rows().get(0);
        assertThat(company.subject()).isEqualTo("company");
        assertThat(company.amountPaidOnTime()).isEqualByComparingTo("2000.00");
    }

    @Test
    void moneyIsCountedInTheStageTheCaseWasInAndWrittenOffApart() {
        on(LocalDate.of(2026, 9, 1));
        String client = client(ann);
        String j1 = invoice(client, "1000.00", "EUR", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
        on(LocalDate.of(2026, 9, 15));
        String j2 = invoice(client, "2000.00", "USD", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 15));
        paid(j1, "100.00", "EUR", LocalDate.of(2026, 9, 20));             // before due
        paid(j1, "200.00", "EUR", LocalDate.of(2026, 10, 5));             // negotiation
        event(j1, CaseEventType.HANDED_TO_LEGAL, LocalDate.of(2026, 10, 12));
        paid(j1, "300.00", "EUR", LocalDate.of(2026, 10, 20));            // claim
        event(j2, CaseEventType.HANDED_TO_LEGAL, LocalDate.of(2026, 10, 27));
        on(LocalDate.of(2026, 11, 20));
        String j3 = invoice(client, "333.33", "EUR", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20));
        event(j1, CaseEventType.LAWSUIT_FILED, LocalDate.of(2026, 11, 20));
        event(j2, CaseEventType.CLAIM_PERIOD_PASSED, LocalDate.of(2026, 11, 27));
        on(LocalDate.of(2026, 12, 1));
        payments.recordCourtCollection(j1, LocalDate.of(2026, 12, 1), "lena"); // court collects the 400 left
        paid(j3, "111.11", "EUR", LocalDate.of(2026, 12, 1));             // before due
        on(LocalDate.of(2026, 12, 10));
        invoices.writeOff(j2);                                             // 2000 USD written off
        on(TODAY);

        KpiFilter period = filter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31), client, null);
        assertThat(kpis.collected(FINANCE, period).rows()).containsExactly(
                new KpiRows.Collected("EUR", new BigDecimal("211.11"), new BigDecimal("200.00"),
                        new BigDecimal("300.00"), new BigDecimal("400.00"), new BigDecimal("1111.11"),
                        new BigDecimal("0.00"), new BigDecimal("0.00")),
                new KpiRows.Collected("USD", new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("2000.00"),
                        new BigDecimal("0.00")));

        // as of 31 October: j1 has 1000 - 100 - 200 - 300 = 400 open, 31 days past due; j2 2000 USD, 16 days
        KpiFilter october = new KpiFilter(null, null, LocalDate.of(2026, 10, 31), null, null, client, null, null);
        assertThat(kpis.aging(FINANCE, october).rows()).containsExactly(
                new KpiRows.Aging("EUR", new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("400.00"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("400.00"), 1),
                new KpiRows.Aging("USD", new BigDecimal("0.00"), new BigDecimal("2000.00"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("2000.00"), 1));
        // today (11 January 2027): only j3 is open, 222.22, 22 days past due
        KpiFilter now = new KpiFilter(null, null, null, null, null, client, null, null);
        assertThat(kpis.aging(FINANCE, now).rows()).containsExactly(
                new KpiRows.Aging("EUR", new BigDecimal("0.00"), new BigDecimal("222.22"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("222.22"), 1));
        assertThat(kpis.stagesNow(FINANCE, now).rows()).containsExactly(
                new KpiRows.StageNow("NEGOTIATION", "EUR", 1, new BigDecimal("222.22")));

        // days in each stage (today 11 January 2027):
        // j1: not due 1 Sep–30 Sep = 30, negotiation 1 Oct–12 Oct = 11, claim 12 Oct–20 Nov = 39, court 20 Nov–1 Dec = 11
        // j2: not due 15 Sep–15 Oct = 31, negotiation 16 Oct–27 Oct = 11, claim 27 Oct–27 Nov = 31, court –10 Dec = 13
        // j3: not due 20 Nov–20 Dec = 31, negotiation from 21 Dec, still there: 21
        assertThat(kpis.stageTimes(FINANCE, period).rows()).containsExactly(
                new KpiRows.StageTime("NOT_DUE", 3, new BigDecimal("30.7")),
                new KpiRows.StageTime("NEGOTIATION", 3, new BigDecimal("14.3")),
                new KpiRows.StageTime("CLAIM", 2, new BigDecimal("35.0")),
                new KpiRows.StageTime("COURT", 2, new BigDecimal("12.0")));

        // DSO over 122 days: EUR 222.22 open at the end / 1333.33 invoiced x 122 = 20.33; USD nothing open
        assertThat(kpis.dso(FINANCE, period).rows()).containsExactly(
                new KpiRows.Dso("EUR", new BigDecimal("222.22"), new BigDecimal("1333.33"), 122, new BigDecimal("20.3")),
                new KpiRows.Dso("USD", new BigDecimal("0.00"), new BigDecimal("2000.00"), 122, new BigDecimal("0.0")));
        // CEI: EUR (0 + 1333.33 - 222.22) / (0 + 1333.33 - 0) = 83.33 %; USD (0 + 2000 - 0) / (0 + 2000 - 0) = 100 %
        assertThat(kpis.cei(FINANCE, period).rows()).containsExactly(
                new KpiRows.Cei("EUR", new BigDecimal("0.00"), new BigDecimal("1333.33"), new BigDecimal("222.22"),
                        new BigDecimal("0.00"), new BigDecimal("83.33")),
                new KpiRows.Cei("USD", new BigDecimal("0.00"), new BigDecimal("2000.00"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), new BigDecimal("100.00")));
    }

    @Test
    void agingBucketsAddUpToTheCentPerCurrency() {
        on(LocalDate.of(2026, 6, 1));
        String client = client(ann);
        LocalDate asOf = LocalDate.of(2026, 12, 31);
        // one invoice per bucket, with cents that do not divide evenly, and a partial payment
        invoice(client, "0.01", "EUR", LocalDate.of(2026, 6, 1), asOf);                  // current (due that day)
        String a = invoice(client, "100.00", "EUR", LocalDate.of(2026, 6, 1), asOf.minusDays(1));   // 1 day
        invoice(client, "33.33", "EUR", LocalDate.of(2026, 6, 1), asOf.minusDays(30));   // 30 days
        invoice(client, "66.67", "EUR", LocalDate.of(2026, 6, 1), asOf.minusDays(31));   // 31 days
        invoice(client, "10.10", "EUR", LocalDate.of(2026, 6, 1), asOf.minusDays(61));   // 61 days
        invoice(client, "20.20", "EUR", LocalDate.of(2026, 6, 1), asOf.minusDays(90));   // 90 days
        invoice(client, "0.99", "EUR", LocalDate.of(2026, 6, 1), asOf.minusDays(91));    // 91 days
        invoice(client, "7.77", "GBP", LocalDate.of(2026, 6, 1), asOf.minusDays(45));    // another currency
        paid(a, "33.34", "EUR", LocalDate.of(2026, 12, 30));                              // leaves 66.66

        KpiFilter filter = new KpiFilter(null, null, asOf, null, null, client, null, null);
        List<KpiRows.Aging> rows = kpis.aging(FINANCE, filter).rows();

        assertThat(rows).containsExactly(
                new KpiRows.Aging("EUR", new BigDecimal("0.01"), new BigDecimal("99.99"), new BigDecimal("66.67"),
                        new BigDecimal("30.30"), new BigDecimal("0.99"), new BigDecimal("197.96"), 7),
                new KpiRows.Aging("GBP", new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("7.77"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("7.77"), 1));
        KpiRows.Aging eur = rows.get(0);
        assertThat(eur.current().add(eur.days1To30()).add(eur.days31To60()).add(eur.days61To90()).add(eur.over90Days()))
                .isEqualTo(eur.total());
    }

    @Test
    void agingOfAPastDayCountsWhatWasOpenOnThatDay() {
        on(LocalDate.of(2026, 10, 1));
        String client = client(ann);
        String partly = invoice(client, "100.00", "EUR", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
        String later = invoice(client, "50.00", "EUR", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
        String before = invoice(client, "10.00", "EUR", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
        on(LocalDate.of(2026, 11, 5));
        paid(before, "10.00", "EUR", LocalDate.of(2026, 11, 5));      // closed before the day
        on(LocalDate.of(2026, 11, 10));
        paid(partly, "30.00", "EUR", LocalDate.of(2026, 11, 10));     // 70.00 still open on the day …
        on(LocalDate.of(2026, 11, 20));
        paid(partly, "70.00", "EUR", LocalDate.of(2026, 11, 20));     // … paid after it
        paid(later, "50.00", "EUR", LocalDate.of(2026, 11, 20));      // open in full on the day
        invoice(client, "20.00", "EUR", LocalDate.of(2026, 11, 16), LocalDate.of(2026, 12, 16)); // issued after it
        on(TODAY);

        KpiFilter november15 = new KpiFilter(null, null, LocalDate.of(2026, 11, 15), null, null, client, null, null);
        assertThat(kpis.aging(FINANCE, november15).rows()).containsExactly(
                new KpiRows.Aging("EUR", new BigDecimal("0.00"), new BigDecimal("120.00"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("120.00"), 2));
        KpiFilter november20 = new KpiFilter(null, null, LocalDate.of(2026, 11, 20), null, null, client, null, null);
        assertThat(kpis.aging(FINANCE, november20).rows()).containsExactly(
                new KpiRows.Aging("EUR", new BigDecimal("20.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("20.00"), 1));
    }

    @Test
    void loyaltyCountsClientsInvoicedAgainAfterAClosedCase() {
        on(LocalDate.of(2026, 9, 1));
        String kept = client(ann);
        String lost = client(ann);
        String neverLate = client(ann);
        String k1 = invoice(kept, "100.00", "EUR", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 10));
        String k2 = invoice(lost, "100.00", "EUR", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 10));
        String k3 = invoice(neverLate, "100.00", "EUR", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 10));
        paid(k1, "100.00", "EUR", LocalDate.of(2026, 10, 20));   // case closed 20 October …
        paid(k2, "100.00", "EUR", LocalDate.of(2026, 10, 25));
        paid(k3, "100.00", "EUR", LocalDate.of(2026, 10, 1));    // paid on time: no collection case
        on(LocalDate.of(2026, 11, 15));
        invoice(kept, "50.00", "EUR", LocalDate.of(2026, 11, 15), LocalDate.of(2026, 12, 15)); // … invoiced 26 days later
        invoice(neverLate, "50.00", "EUR", LocalDate.of(2026, 11, 15), LocalDate.of(2026, 12, 15));
        on(TODAY);

        KpiFilter october = new KpiFilter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null, ann, null,
                null, null, null);
        assertThat(kpis.loyalty(FINANCE, october).rows())
                .containsExactly(new KpiRows.Loyalty(2, 1, new BigDecimal("50.00"), 90));
    }

    @Test
    void aJustifiedDisputeLowersWhatIsOwedAndAnOverpaymentCountsOnlyUpToIt() {
        on(LocalDate.of(2026, 10, 1));
        String client = client(ann);
        String disputed = invoice(client, "1000.00", "EUR", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 10));
        String overpaid = invoice(client, "100.00", "EUR", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 10));
        paid(disputed, "600.00", "EUR", LocalDate.of(2026, 10, 8));
        on(LocalDate.of(2026, 10, 15));
        invoices.reduceOpenAmount(disputed, BigDecimal.ZERO);                // the client owed only what it paid
        paid(overpaid, "150.00", "EUR", LocalDate.of(2026, 10, 9));
        on(TODAY);

        KpiRows.OnTime row = kpis.onTime(FINANCE,
                filter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), client, "company")).rows().get(0);
        // owed 600 + 100, both paid in full by the due date
        assertThat(row.amountDue()).isEqualByComparingTo("700.00");
        assertThat(row.amountPaidOnTime()).isEqualByComparingTo("700.00");
        assertThat(row.paidOnTime()).isEqualTo(2);
        KpiRows.Collected collected = kpis.collected(FINANCE,
                filter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), client, null)).rows().get(0);
        assertThat(collected.beforeDue()).isEqualByComparingTo("700.00");
        assertThat(collected.reduced()).isEqualByComparingTo("400.00");
    }
}
