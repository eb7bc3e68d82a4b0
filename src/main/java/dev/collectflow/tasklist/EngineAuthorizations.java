package dev.collectflow.tasklist;

import static dev.collectflow.system.Groups.*;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_ASSIGN;

import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.security.DirectoryGrants;
import dev.collectflow.pressure.PressureScaleProcess;
import dev.collectflow.security.Grants;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The departments' standing permissions in Camunda, created at start-up and completed if some are missing. Tasks
 * themselves need no standing permission: the engine lets assignees and candidates work on their tasks
 * ({@code TASK_WORK}); cases are shared with the people who hold them as they go (see {@link CaseSharing}); who sees
 * whom in the directory is {@link DirectoryGrants}'s.
 * {@code camunda-admin} gets everything from Camunda's admin-user set-up.
 */
@Component
@Order(0)
class EngineAuthorizations implements ApplicationRunner {

    static final List<String> DEPARTMENTS = List.of(FINANCE, SALES, SALES_HEADS, LEGAL, MANAGEMENT);

    private final Grants grants;

    EngineAuthorizations(Grants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String department : DEPARTMENTS) {
            grants.toGroup(department, Resources.APPLICATION, "tasklist", ACCESS);
            grants.toGroup(department, Resources.PROCESS_DEFINITION, InvoiceCollectionProcess.KEY, READ);
            grants.toGroup(department, Resources.PROCESS_DEFINITION, PressureScaleProcess.KEY, READ);
        }
        for (String queue : List.of(FINANCE, SALES_HEADS, LEGAL, MANAGEMENT)) {
            // take over or give back a task; to whom is the gate's and the tasks' assignment check's to say
            grants.toGroup(queue, Resources.PROCESS_DEFINITION, InvoiceCollectionProcess.KEY, TASK_ASSIGN);
        }
        for (String readsAllCases : List.of(FINANCE, MANAGEMENT)) {
            grants.toGroup(readsAllCases, Resources.PROCESS_DEFINITION, InvoiceCollectionProcess.KEY, READ_INSTANCE, READ_HISTORY);
        }
    }
}
