package dev.collectflow.ledger;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;

import dev.collectflow.security.Grants;
import dev.collectflow.system.Groups;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Finance may start "Register invoice" in Tasklist (its start form), nobody else; the gate in front of Camunda's
 * REST APIs checks the form's invoice ({@link InvoiceForm}) before the engine starts anything.
 */
@Configuration(proxyBeanMethods = false)
class RegisterInvoiceSetup implements ApplicationRunner {

    private final Grants grants;

    RegisterInvoiceSetup(Grants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.toGroup(Groups.FINANCE, Resources.PROCESS_DEFINITION, RegisterInvoiceProcess.KEY, READ, CREATE_INSTANCE);
        grants.toGroup(Groups.FINANCE, Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
    }
}
