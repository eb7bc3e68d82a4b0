package dev.collectflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.EnumSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Nobody unauthenticated does anything: Camunda's webapps have their own login; {@code /engine-rest} gets Camunda's
 * HTTP Basic filter (as in Camunda Run), which also tells the engine who acts so its authorizations apply;
 * {@code /api} and Actuator (beyond health) get HTTP Basic against the same identity service.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Camunda's webapp login filter, a second time, in front of the paths where the webapps' session counts
     * ({@link WebappSessionLogin#PATHS}): it puts the session's user on the engine for the request. Named by class
     * as Camunda's documentation configures it, and mapped before every other filter.
     */
    @Bean
    ServletContextInitializer webappSessionOnDashboard() {
        return new WebappSessionInitializer();
    }

    @Bean
    FilterRegistrationBean<WebappSessionLogin> webappSessionLogin(IdentityService identity) {
        FilterRegistrationBean<WebappSessionLogin> registration =
                new FilterRegistrationBean<>(new WebappSessionLogin(identity));
        registration.addUrlPatterns(WebappSessionLogin.PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    private static final class WebappSessionInitializer implements ServletContextInitializer, Ordered {
        @Override
        public void onStartup(ServletContext servletContext) {
            FilterRegistration.Dynamic filter = servletContext.addFilter("Webapp Session On Dashboard",
                    "org.camunda.bpm.webapp.impl.security.auth.AuthenticationFilter");
            if (filter != null) {
                filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, WebappSessionLogin.PATHS);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity, ObjectMapper json,
            @Value("${collectflow.api.login-memory}") Duration loginMemory) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, json, loginMemory));
        registration.addUrlPatterns("/api/*", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimit(
            @Value("${collectflow.api.max-body-size}") DataSize jsonLimit,
            @Value("${spring.servlet.multipart.max-request-size}") DataSize uploadLimit, ObjectMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(jsonLimit, uploadLimit, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
