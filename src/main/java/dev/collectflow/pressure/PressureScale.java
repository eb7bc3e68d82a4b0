package dev.collectflow.pressure;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.calendar.BusinessCalendar;
import dev.collectflow.collection.CaseFacts;
import dev.collectflow.collection.CaseStage;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.staff.CallPreferences;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a case's next pressure step with the latest deployed version of the decision table
 * {@value PressureScaleProcess#DECISION}: from the case's situation the table names the step, its working day
 * (counted from the due date) and its time of day. Steps of the owner (reminder, call) happen in the owner's time
 * zone, at the owner's call time when the table gives no time; mails to the client in the company's time zone. A
 * step whose time has already passed is skipped (and recorded), never taken late.
 */
@Service
public class PressureScale {

    /** A table that keeps naming steps in the past (or the same step again) is broken; stop rather than loop. */
    private static final int MAX_STEPS = 20;

    private final DecisionService decisions;
    private final CollectionCases cases;
    private final BusinessCalendar calendar;
    private final CallPreferences preferences;
    private final AuditTrail audit;
    private final Clock clock;

    public PressureScale(DecisionService decisions, CollectionCases cases, BusinessCalendar calendar,
                         CallPreferences preferences, AuditTrail audit, Clock clock) {
        this.decisions = decisions;
        this.cases = cases;
        this.calendar = calendar;
        this.preferences = preferences;
        this.audit = audit;
        this.clock = clock;
    }

    /** The next step after {@code lastStep} (null: the scale starts) whose time still lies ahead, or none. */
    @Transactional
    public Plan next(String invoiceNumber, PressureStep lastStep) {
        PressureStep last = lastStep == null ? PressureStep.NONE : lastStep;
        CaseFacts facts = cases.facts(invoiceNumber);
        CaseStage stage = cases.stage(invoiceNumber);
        for (int round = 0; round < MAX_STEPS; round++) {
            Plan plan = evaluate(facts, stage, last);
            if (plan.step() == PressureStep.NONE || plan.at().isAfter(clock.instant())) {
                return plan;
            }
            audit.record(invoiceNumber, CaseEventType.PRESSURE_STEP_SKIPPED, AuditTrail.SYSTEM,
                    "Skipped the " + plan.step().label() + ": its time (" + plan.at() + ") had passed");
            last = plan.step();
        }
        throw new IllegalStateException("The pressure scale table names more than " + MAX_STEPS
                + " steps in a row for invoice " + invoiceNumber + "; check its rules");
    }

    private Plan evaluate(CaseFacts facts, CaseStage stage, PressureStep last) {
        Map<String, Object> situation = new HashMap<>();
        situation.put("stage", stage.name());
        situation.put("lastStep", last.name());
        situation.put("workingDaysPastDue", calendar.workingDaysBetween(facts.dueDate(), calendar.today()));
        situation.put("keyClient", facts.keyClient());
        situation.put("openAmount", facts.openAmount().doubleValue());
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(PressureScaleProcess.DECISION)
                .variables(situation).evaluate().getFirstResult();
        String stepName = result == null ? null : result.getEntry("step");
        PressureStep step = stepName == null || stepName.isBlank() ? PressureStep.NONE : parse(stepName);
        if (step == PressureStep.NONE) {
            return Plan.NONE;
        }
        Number workingDay = result.getEntry("stepWorkingDay");
        if (workingDay == null) {
            throw new IllegalStateException("The pressure scale table names the step " + step
                    + " without its working day");
        }
        LocalDate day = calendar.workingDaysFrom(facts.dueDate(), workingDay.intValue());
        String time = result.getEntry("stepTime");
        ZoneId zone = calendar.zone();
        LocalTime timeOfDay = calendar.defaultCallTime();
        if (step.isOwnersTask() && facts.owner() != null) {
            CallPreferences.Preference owner = preferences.of(facts.owner());
            zone = owner.timeZone();
            timeOfDay = owner.callTime();
        }
        if (time != null && !time.isBlank()) {
            timeOfDay = parseTime(time);
        }
        Boolean mention = result.getEntry("mentionForgivenTime");
        return new Plan(step, day.atTime(timeOfDay).atZone(zone).toInstant(), Boolean.TRUE.equals(mention));
    }

    private static PressureStep parse(String step) {
        try {
            return PressureStep.valueOf(step.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The pressure scale table names an unknown step " + step, e);
        }
    }

    private static LocalTime parseTime(String time) {
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("The pressure scale table gives the time " + time + "; use HH:mm", e);
        }
    }

    /** The next step, when it happens, and whether its mail mentions the overdue time already forgiven. */
    public record Plan(PressureStep step, Instant at, boolean mentionForgivenTime) {
        static final Plan NONE = new Plan(PressureStep.NONE, null, false);
    }
}
