package dev.collectflow.ledger;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.security.Grants;
import dev.collectflow.system.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Finance may start "Register invoice" in Tasklist (its start form), nobody else; the start guard sits after the
 * login filters of {@code /engine-rest} and of the API Tasklist uses ("Engine Api" servlet).
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

    @Bean
    FilterRegistrationBean<RegisterInvoiceStartGuard> registerInvoiceStartGuard(InvoiceForm form,
            RepositoryService repository, IdentityService identity, ObjectMapper json) {
        FilterRegistrationBean<RegisterInvoiceStartGuard> registration = new FilterRegistrationBean<>(
                new RegisterInvoiceStartGuard(form, repository, identity, json));
        registration.addUrlPatterns("/engine-rest/*");
        registration.addServletNames("Engine Api");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
