package dev.collectflow.legal;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.CaseFacts;
import dev.collectflow.collection.CaseLeftNegotiation;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.notification.Notifier;
import dev.collectflow.staff.SalesTeams;
import dev.collectflow.system.Groups;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Legal's part of a case: taking it over, the pre-court claim, the lawsuit and its outcome. */
@Service
public class LegalCases {

    private final CollectionCases cases;
    private final InvoiceService invoices;
    private final SalesTeams teams;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    public LegalCases(CollectionCases cases, InvoiceService invoices, SalesTeams teams, Notifier notifier,
                      AuditTrail audit, ApplicationEventPublisher events) {
        this.cases = cases;
        this.invoices = invoices;
        this.teams = teams;
        this.notifier = notifier;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Hands the case to the legal queue (from now on lawyers may read it) and tells the lawyers, the sales manager
     * and the head of sales.
     */
    @Transactional
    public void handOver(String invoiceNumber, String salesManager, EscalationReason reason) {
        invoices.markHandedToLegal(invoiceNumber);
        CaseFacts facts = cases.facts(invoiceNumber);
        List<String> recipients = new ArrayList<>(notifier.membersOf(Groups.LEGAL));
        recipients.add(salesManager);
        recipients.addAll(teams.headsOf(salesManager));
        List<String> sentTo = notifier.send(recipients,
                "To legal: invoice " + facts.title() + ", " + facts.openAmountText(),
                "legal-handover",
                Map.of("facts", facts, "reason", reason.description(),
                        "salesManager", teams.displayName(salesManager)));
        audit.record(invoiceNumber, CaseEventType.HANDED_TO_LEGAL, AuditTrail.SYSTEM,
                "Because " + reason.description() + "; told " + String.join(", ", sentTo));
        events.publishEvent(new CaseLeftNegotiation(invoiceNumber, "was handed over to legal"));
    }

    @Transactional
    public void recordClaimSent(String invoiceNumber, String claimNumber, LocalDate sentOn, LocalDate payBy,
                                String lawyer) {
        audit.record(invoiceNumber, CaseEventType.CLAIM_SENT, lawyer,
                "Claim " + claimNumber + " sent on " + sentOn + "; the client has until the end of " + payBy + " to pay");
    }

    /** The client let the claim period pass: the lawyer and the sales manager hear that court is next. */
    @Transactional
    public void reportClaimPeriodPassed(String invoiceNumber, String lawyer, String salesManager) {
        CaseFacts facts = cases.facts(invoiceNumber);
        List<String> sentTo = notifier.send(List.of(lawyer, salesManager),
                "Claim period passed: invoice " + facts.title() + ", " + facts.openAmountText(),
                "claim-period-passed",
                Map.of("facts", facts, "keyClient", facts.keyClient()));
        audit.record(invoiceNumber, CaseEventType.CLAIM_PERIOD_PASSED, AuditTrail.SYSTEM,
                "Unpaid " + facts.openAmountText() + "; told " + String.join(", ", sentTo));
    }

    @Transactional
    public void recordLawsuitFiled(String invoiceNumber, String courtCaseNumber, LocalDate filedOn, String lawyer) {
        audit.record(invoiceNumber, CaseEventType.LAWSUIT_FILED, lawyer,
                "Lawsuit filed on " + filedOn + ", court case " + courtCaseNumber);
    }

    @Transactional
    public void recordCourtOutcome(String invoiceNumber, CourtOutcome outcome, String note, String lawyer) {
        audit.record(invoiceNumber,
                outcome == CourtOutcome.COLLECTED ? CaseEventType.COLLECTED_IN_COURT : CaseEventType.COURT_CASE_LOST,
                lawyer, note);
    }
}
