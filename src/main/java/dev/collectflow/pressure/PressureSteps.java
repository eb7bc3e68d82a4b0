package dev.collectflow.pressure;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.calendar.BusinessCalendar;
import dev.collectflow.client.Client;
import dev.collectflow.client.ClientService;
import dev.collectflow.client.ReminderBlock;
import dev.collectflow.client.ReminderBlocks;
import dev.collectflow.collection.CaseFacts;
import dev.collectflow.collection.CaseStage;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.InvoiceCollectionProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, when a step's time has come, whether the scale takes it: not once the case has gone to legal or ended
 * (the scale stops), and not while management's forgiveness runs or the client's reminders are blocked, for a step
 * woken late, or when the step
 * cannot be taken (no owner to call, no address to mail, no negotiation whose end a warning could name). Every step
 * left out is recorded with its reason.
 */
@Service
public class PressureSteps {

    private static final Set<CaseStage> BEYOND_NEGOTIATION =
            EnumSet.of(CaseStage.LEGAL_CLAIM, CaseStage.COURT, CaseStage.CLOSED);

    private final CollectionCases cases;
    private final ClientService clients;
    private final ReminderBlocks blocks;
    private final BusinessCalendar calendar;
    private final RuntimeService runtime;
    private final AuditTrail audit;

    public PressureSteps(CollectionCases cases, ClientService clients, ReminderBlocks blocks, BusinessCalendar calendar,
                         RuntimeService runtime, AuditTrail audit) {
        this.cases = cases;
        this.clients = clients;
        this.blocks = blocks;
        this.calendar = calendar;
        this.runtime = runtime;
        this.audit = audit;
    }

    @Transactional
    public Check check(String invoiceNumber, PressureStep step, Instant plannedAt) {
        CaseFacts facts = cases.facts(invoiceNumber);
        CaseStage stage = cases.stage(invoiceNumber);
        if (facts.status().isClosed() || BEYOND_NEGOTIATION.contains(stage)) {
            return leaveOut(invoiceNumber, StepSituation.STOP, "Pressure scale stopped before the " + step.label()
                    + ": the case is " + (facts.status().isClosed() ? facts.status() : stage));
        }
        LocalDate plannedDay = plannedAt.atZone(calendar.zone()).toLocalDate();
        if (calendar.today().isAfter(plannedDay)) {
            return skip(invoiceNumber, step, "its time (" + plannedAt + ") passed while the scale could not run");
        }
        if (stage == CaseStage.FORGIVEN) {
            return skip(invoiceNumber, step, "management forgave the client the overdue for now");
        }
        if (stage == CaseStage.PROMISE_TO_PAY || stage == CaseStage.PAYMENT_PLAN) {
            // the client agreed: the regulation watches the promise or the instalments, and escalates if not kept
            return skip(invoiceNumber, step, stage == CaseStage.PROMISE_TO_PAY
                    ? "the client promised to pay by a date, which is being watched"
                    : "the client agreed a payment plan, whose instalments are being watched");
        }
        Optional<ReminderBlock> block = blocks.active(facts.clientId());
        if (block.isPresent()) {
            return skip(invoiceNumber, step, "reminders to the client are blocked until " + block.get().getEndsOn()
                    + " (" + block.get().getReason() + ")");
        }
        Client client = clients.get(facts.clientId());
        if (step.isOwnersTask() && client.getOwner() == null) {
            return skip(invoiceNumber, step, "the client has no owner");
        }
        if (!step.isOwnersTask() && (client.getEmail() == null || client.getEmail().isBlank())) {
            return skip(invoiceNumber, step, "the client has no e-mail address");
        }
        if (step == PressureStep.FINAL_WARNING
                && (stage != CaseStage.NEGOTIATION || handoverDay(invoiceNumber).isEmpty())) {
            return skip(invoiceNumber, step, "the case is not in negotiation (" + stage + "), so no date can be named");
        }
        return new Check(StepSituation.TAKE, client.getOwner());
    }

    /** The day the case goes to legal unless it is paid or agreed: the end of its running negotiation. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> handoverDay(String invoiceNumber) {
        return cases.instance(invoiceNumber)
                .map(instance -> runtime.getVariable(instance.getId(),
                        InvoiceCollectionProcess.Variables.NEGOTIATION_DEADLINE))
                .filter(Date.class::isInstance)
                .map(deadline -> ((Date) deadline).toInstant().atZone(calendar.zone()).toLocalDate());
    }

    private Check skip(String invoiceNumber, PressureStep step, String why) {
        return leaveOut(invoiceNumber, StepSituation.SKIP, "Skipped the " + step.label() + ": " + why);
    }

    private Check leaveOut(String invoiceNumber, StepSituation situation, String detail) {
        audit.record(invoiceNumber, CaseEventType.PRESSURE_STEP_SKIPPED, AuditTrail.SYSTEM, detail);
        return new Check(situation, null);
    }

    /** What to do with the step, and whose task it becomes when taken. */
    public record Check(StepSituation situation, String owner) {
    }
}
