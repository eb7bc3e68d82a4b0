package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the case": when a step's time has come, whether to take it, skip it, or stop the scale. */
@Component("checkCaseForPressureStep")
class CheckCaseForPressureStep implements JavaDelegate {

    private final PressureSteps steps;

    CheckCaseForPressureStep(PressureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PressureSteps.Check check = steps.check(execution.getProcessBusinessKey(),
                PressureStep.valueOf((String) execution.getVariable(STEP)),
                ((Date) execution.getVariable(STEP_AT)).toInstant());
        execution.setVariable(SITUATION, check.situation().name());
        execution.setVariable(STEP_OWNER, check.owner());
    }
}
