package dev.collectflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every answer under {@code /api} with a status of 400 or more is {@code application/problem+json}: Spring MVC's
 * handlers through {@link ApiExceptionHandler}, the rest of the application through {@link ApiProblemFilter}, and
 * what Tomcat refuses before the application sees it through {@link RefusedRequestValve}.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorHandling {

    @Bean
    FilterRegistrationBean<ApiProblemFilter> apiProblemFilter(ObjectMapper json,
            @Value("${springdoc.swagger-ui.path:/swagger-ui.html}") String documentationPage) {
        // springdoc serves the documentation page's files beside it, in swagger-ui/
        String documentationFiles = documentationPage.substring(0, documentationPage.lastIndexOf('/')) + "/swagger-ui/";
        FilterRegistrationBean<ApiProblemFilter> registration = new FilterRegistrationBean<>(
                new ApiProblemFilter(json, List.of(documentationPage, documentationFiles)));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiRefusals(ObjectMapper json,
            ObjectProvider<RequestMappingHandlerMapping> mappings) {
        Supplier<List<String>> templates = () -> mappings.orderedStream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .map(info -> info.getPathPatternsCondition())
                .filter(Objects::nonNull)
                .flatMap(patterns -> patterns.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/api/"))
                .toList();
        return factory -> factory.addEngineValves(new RefusedRequestValve(json, new ApiRoutes(templates)));
    }
}
