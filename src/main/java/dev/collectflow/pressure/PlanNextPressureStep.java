package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Plan next pressure step": asks the table for the step after the last one and when it happens. */
@Component("planNextPressureStep")
class PlanNextPressureStep implements JavaDelegate {

    private final PressureScale scale;

    PlanNextPressureStep(PressureScale scale) {
        this.scale = scale;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object last = execution.getVariable(STEP);
        PressureScale.Plan plan = scale.next(execution.getProcessBusinessKey(),
                last == null ? null : PressureStep.valueOf((String) last));
        execution.setVariable(STEP, plan.step().name());
        execution.setVariable(STEP_AT, plan.at() == null ? null : Date.from(plan.at()));
        execution.setVariable(MENTION_FORGIVEN_TIME, plan.mentionForgivenTime());
    }
}
