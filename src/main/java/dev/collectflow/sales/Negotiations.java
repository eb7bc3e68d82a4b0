package dev.collectflow.sales;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.CaseFacts;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.notification.Notifier;
import dev.collectflow.staff.SalesTeams;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sales side of a case: telling the manager and the head, and recording what negotiation achieved. */
@Service
public class Negotiations {

    /** Days as staff mails name them: "Friday, January 22, 2027". */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);

    private final CollectionCases cases;
    private final SalesTeams teams;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final Deadlines deadlines;

    public Negotiations(CollectionCases cases, SalesTeams teams, Notifier notifier, AuditTrail audit,
                        Deadlines deadlines) {
        this.cases = cases;
        this.teams = teams;
        this.notifier = notifier;
        this.audit = audit;
        this.deadlines = deadlines;
    }

    /**
     * Mails the overdue notice to the client's sales manager and the manager's head of sales; answers who they are.
     */
    @Transactional
    public List<String> sendOverdueNotice(String invoiceNumber, String salesManager) {
        CaseFacts facts = cases.facts(invoiceNumber);
        List<String> recipients = new ArrayList<>();
        recipients.add(salesManager);
        recipients.addAll(teams.headsOf(salesManager));
        List<String> sentTo = notifier.send(recipients,
                "Overdue: invoice " + facts.title() + ", " + facts.openAmountText(),
                "overdue-notice",
                overdueNotice(facts, teams.displayName(salesManager)));
        audit.record(invoiceNumber, CaseEventType.OVERDUE_NOTICE_SENT, AuditTrail.SYSTEM,
                "Overdue notice to " + String.join(", ", sentTo));
        return recipients;
    }

    /**
     * What the overdue notice tells: the negotiation's days and how they count, and, as the negotiation starts now
     * (unless management decides first for a key client), its last day and the day the case goes to the lawyers,
     * from the same calculation as the negotiation's deadline.
     */
    private Map<String, Object> overdueNotice(CaseFacts facts, String salesManager) {
        LocalDate lastDay = deadlines.negotiationLastDay(deadlines.today());
        Map<String, Object> model = new HashMap<>();
        model.put("facts", facts);
        model.put("salesManager", salesManager);
        model.put("keyClient", facts.keyClient());
        model.put("negotiationDays", deadlines.negotiationDays());
        model.put("workingDays", deadlines.negotiationCountsWorkingDays());
        model.put("negotiationLastDay", lastDay.format(DAY));
        model.put("lawyersOn", lastDay.plusDays(1).format(DAY));
        return model;
    }

    /** Tells the new owner and the previous one that the case changed hands; nothing when it did not. */
    @Transactional
    public void tellNewOwner(String invoiceNumber, String owner, String previousOwner) {
        if (previousOwner == null || owner == null || owner.equals(previousOwner)) {
            return;
        }
        CaseFacts facts = cases.facts(invoiceNumber);
        List<String> sentTo = notifier.send(List.of(owner, previousOwner),
                "New owner: invoice " + facts.title() + ", " + facts.openAmountText(),
                "new-owner",
                Map.of("facts", facts, "owner", teams.displayName(owner),
                        "previousOwner", teams.displayName(previousOwner)));
        audit.record(invoiceNumber, CaseEventType.OWNER_CHANGE_NOTICE_SENT, AuditTrail.SYSTEM,
                "Told " + String.join(", ", sentTo));
    }

    @Transactional
    public void recordOutcome(String invoiceNumber, NegotiationOutcome outcome, LocalDate promisedDate,
                              String disputeReason, String note, String actor) {
        switch (outcome) {
            case PROMISE -> audit.record(invoiceNumber, CaseEventType.PROMISE_TO_PAY, actor,
                    withNote("Client promised to pay by " + promisedDate, note));
            case DISPUTE -> audit.record(invoiceNumber, CaseEventType.DISPUTE_RAISED, actor,
                    withNote("Client disputes the invoice: " + disputeReason, note));
            case NO_AGREEMENT -> audit.record(invoiceNumber, CaseEventType.NO_AGREEMENT, actor, note);
            case PAYMENT_PLAN -> { } // recorded with its instalments by PaymentPlans
        }
    }

    private static String withNote(String text, String note) {
        return note == null ? text : text + " (" + note + ")";
    }
}
