package dev.collectflow.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.security.DirectoryGrants;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link TaskCompletionGuard} after the login filters, so the engine knows who asks: for {@code /engine-rest} by
 * order; for the API Tasklist uses by mapping to its servlet ("Engine Api"), as servlet-name mappings run after every
 * URL mapping, including the webapps' own login filter.
 */
@Configuration(proxyBeanMethods = false)
class TaskCompletionGuardRegistration {

    @Bean
    FilterRegistrationBean<TaskCompletionGuard> taskCompletionGuard(List<TaskCompletion<?>> completions,
            List<StartFormCheck> startChecks, TaskService tasks, RuntimeService runtime, RepositoryService repository, IdentityService identity,
            DirectoryGrants directory, ObjectMapper json) {
        FilterRegistrationBean<TaskCompletionGuard> registration = new FilterRegistrationBean<>(
                new TaskCompletionGuard(completions, startChecks, tasks, runtime, repository, identity, directory,
                        json));
        registration.addUrlPatterns("/engine-rest/*");
        registration.addServletNames("Engine Api");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
