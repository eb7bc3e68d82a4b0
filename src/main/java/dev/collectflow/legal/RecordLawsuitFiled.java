package dev.collectflow.legal;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.COURT_CASE_NUMBER;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.LAWSUIT_FILED_ON;

import dev.collectflow.collection.Deadlines;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "File lawsuit". */
@Component("recordLawsuitFiled")
class RecordLawsuitFiled extends TaskCompletion<RecordLawsuitFiled.Filing> {

    record Filing(String courtCaseNumber, LocalDate filedOn) {
    }

    private final LegalCases legal;
    private final Deadlines deadlines;

    RecordLawsuitFiled(LegalCases legal, Deadlines deadlines) {
        super(Activities.FILE_LAWSUIT, COURT_CASE_NUMBER, LAWSUIT_FILED_ON);
        this.legal = legal;
        this.deadlines = deadlines;
    }

    @Override
    protected Filing read(TaskInput input) {
        return new Filing(input.requiredText(COURT_CASE_NUMBER),
                LegalDates.requiredDayOfStep(input, LAWSUIT_FILED_ON, deadlines));
    }

    @Override
    protected void record(Filing filing, TaskInput input, DelegateTask task) {
        legal.recordLawsuitFiled(input.invoiceNumber(), filing.courtCaseNumber(), filing.filedOn(), input.actor());
    }
}
