package dev.collectflow.pressure;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CaseFacts;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.management.ForgivenessRepository;
import dev.collectflow.notification.ClientLocale;
import dev.collectflow.notification.ClientMailer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pressure scale's mails to the client's contact person, in the client's language with amounts and dates as the
 * client reads them; each is recorded in the case's audit trail. Key clients may be told how much overdue time was
 * forgiven them within the last twelve months.
 */
@Service
public class ClientReminders {

    private static final Duration FORGIVENESS_WINDOW = Duration.ofDays(365);

    private final CollectionCases cases;
    private final ClientService clients;
    private final ForgivenessRepository forgiveness;
    private final PressureSteps steps;
    private final ClientMailer mailer;
    private final AuditTrail audit;
    private final Clock clock;

    public ClientReminders(CollectionCases cases, ClientService clients, ForgivenessRepository forgiveness,
                           PressureSteps steps, ClientMailer mailer, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.clients = clients;
        this.forgiveness = forgiveness;
        this.steps = steps;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void sendFriendlyReminder(String invoiceNumber, boolean mentionForgivenTime) {
        send(invoiceNumber, "friendly-reminder", mentionForgivenTime, Map.of(), CaseEventType.CLIENT_REMINDER_SENT,
                "Friendly reminder");
    }

    @Transactional
    public void sendFinalWarning(String invoiceNumber, boolean mentionForgivenTime) {
        LocalDate handover = steps.handoverDay(invoiceNumber).orElseThrow(() -> new IllegalStateException(
                "Invoice " + invoiceNumber + " is not in negotiation: no date to name in a final warning"));
        send(invoiceNumber, "final-warning", mentionForgivenTime, Map.of("handover", handover),
                CaseEventType.FINAL_WARNING_SENT, "Final warning");
    }

    private void send(String invoiceNumber, String template, boolean mentionForgivenTime, Map<String, LocalDate> dates,
                      CaseEventType recorded, String what) {
        CaseFacts facts = cases.facts(invoiceNumber);
        ClientDetails client = clients.get(facts.clientId()).details();
        ClientLocale locale = ClientLocale.of(mailer.languageFor(client.language(), template));
        Map<String, Object> model = new HashMap<>();
        model.put("invoiceNumber", facts.invoiceNumber());
        model.put("clientName", client.name());
        model.put("contactPerson", client.contactPerson());
        model.put("amount", locale.amount(facts.openAmount(), facts.currency()));
        model.put("dueDate", locale.date(facts.dueDate()));
        LocalDate handover = dates.get("handover");
        if (handover != null) {
            model.put("legalDate", locale.date(handover));
            model.put("lastDayToPay", locale.date(handover.minusDays(1)));
        }
        Integer forgivenDays = null;
        if (mentionForgivenTime && facts.keyClient()) {
            forgivenDays = (int) forgiveness.daysForgivenSince(facts.clientId(),
                    clock.instant().minus(FORGIVENESS_WINDOW));
            model.put("forgivenDays", forgivenDays);
        }
        ClientMailer.Sent sent = mailer.send(client.email(), client.language(), template, model);
        audit.record(invoiceNumber, recorded, AuditTrail.SYSTEM, what + " mailed to " + sent.to() + " in "
                + sent.language() + ": \"" + sent.subject() + "\""
                + (forgivenDays == null ? "" : "; mentions " + forgivenDays + " days forgiven"));
    }
}
