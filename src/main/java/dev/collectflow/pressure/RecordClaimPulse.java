package dev.collectflow.pressure;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLAIM_PULSE_NOTE;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.InvoiceCollectionProcess;
import org.springframework.stereotype.Component;

/** Completes "Remind the client of the claim": how the client stands, in the sales manager's words. */
@Component("recordClaimPulse")
class RecordClaimPulse extends RecordNote {

    RecordClaimPulse(AuditTrail audit) {
        super(audit, InvoiceCollectionProcess.Activities.REMIND_CLIENT_OF_CLAIM, CLAIM_PULSE_NOTE,
                CaseEventType.CLAIM_REMINDER_DONE);
    }
}
