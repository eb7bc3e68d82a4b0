package dev.collectflow;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/** Executes the engine's jobs that are due now (timers whose time has come, asynchronous steps) until none is left. */
public final class DueJobs {

    private DueJobs() {
    }

    /** All due jobs, or those of one process instance when its id is given. */
    public static void run(ManagementService management, String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            JobQuery query = management.createJobQuery().executable();
            List<Job> due = (processInstanceId == null ? query : query.processInstanceId(processInstanceId))
                    .orderByJobDuedate().asc().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                // in the order they came due; a job an earlier one removed (its scope ended) is gone
                if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                    management.executeJob(job.getId());
                }
            }
        }
        throw new IllegalStateException("Jobs keep coming" + (processInstanceId == null ? "" : " for " + processInstanceId));
    }
}
