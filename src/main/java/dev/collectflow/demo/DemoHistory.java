package dev.collectflow.demo;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.invoice.HistorySettlement;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.invoice.InvoiceService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Six months of settled invoices of the demo clients, as if imported from the ledger's history, so the dashboard
 * has figures on the first start: mostly paid on time, some late, one partly written off.
 */
@Component
class DemoHistory {

    /** Days between due date and payment, per invoice in turn: negative is early. */
    private static final int[] PAID_DAYS_AFTER_DUE = {-3, 0, 12, -1, 25, 4, -7, 0, 40, -2, 9, 0};
    private static final List<String> CLIENTS = List.of("acme", "globex", "initech", "umbrella");

    private final InvoiceService invoices;
    private final AuditTrail audit;

    DemoHistory(InvoiceService invoices, AuditTrail audit) {
        this.invoices = invoices;
        this.audit = audit;
    }

    void create(LocalDate today) {
        int turn = 0;
        for (int month = 6; month >= 1; month--) {
            for (String client : CLIENTS) {
                for (int i = 0; i < 2; i++) {
                    LocalDate due = today.minusMonths(month).withDayOfMonth(5 + 12 * i);
                    int after = PAID_DAYS_AFTER_DUE[turn % PAID_DAYS_AFTER_DUE.length];
                    LocalDate paid = due.plusDays(after).isBefore(today) ? due.plusDays(after) : today.minusDays(1);
                    BigDecimal amount = new BigDecimal(1200 + (turn * 733) % 9000).setScale(2);
                    BigDecimal settled = turn == 17 ? amount.subtract(new BigDecimal("500.00")) : amount;
                    String number = "HIST-" + client.toUpperCase() + "-" + due.getYear() % 100
                            + String.format("%02d%d", due.getMonthValue(), i);
                    invoices.registerHistory(new InvoiceData(number, client, amount, "EUR", due.minusDays(30), due),
                            new HistorySettlement(paid, settled, after > 20));
                    audit.record(number, CaseEventType.REGISTERED, "demo", "Demo history: settled on " + paid);
                    turn++;
                }
            }
        }
    }
}
