package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Variables.REMINDER_NOTE;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import org.springframework.stereotype.Component;

/** Completes "Call the contact (friendly first call)": what the contact said had happened. */
@Component("recordOwnerReminder")
class RecordOwnerReminder extends RecordNote {

    RecordOwnerReminder(AuditTrail audit) {
        super(audit, PressureScaleProcess.Activities.REMIND_OWNER, REMINDER_NOTE, CaseEventType.OWNER_REMINDER_DONE);
    }
}
