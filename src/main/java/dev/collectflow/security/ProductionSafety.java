package dev.collectflow.security;

import java.util.Arrays;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In production (the {@code postgres} profile) the application refuses to start with an unset or well-known admin
 * password, or with the demo profile on. Checked before any bean exists, so nothing is created with a bad secret.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
class ProductionSafety {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Set<String> WELL_KNOWN = Set.of("demo", "admin", "password", "camunda", "changeme",
            "collectflow", "secret");

    @Bean
    static BeanFactoryPostProcessor refuseUnsafeStart(Environment environment) {
        return beanFactory -> {
            String problem = problem(environment);
            if (problem != null) {
                throw new IllegalStateException("CollectFlow refuses to start in production: " + problem);
            }
        };
    }

    static String problem(Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            return "the demo profile (demo users with a shared password) must not run with the postgres profile";
        }
        String password;
        try {
            password = environment.getProperty("camunda.bpm.admin-user.password");
        } catch (IllegalArgumentException unresolved) {
            password = null;
        }
        if (password == null || password.isBlank()) {
            return "set COLLECTFLOW_ADMIN_PASSWORD, the password of the operator account";
        }
        String adminId = environment.getProperty("camunda.bpm.admin-user.id", "admin");
        if (password.length() < MIN_PASSWORD_LENGTH || WELL_KNOWN.contains(password.toLowerCase())
                || password.equalsIgnoreCase(adminId)) {
            return "COLLECTFLOW_ADMIN_PASSWORD is a demo or well-known value or shorter than "
                    + MIN_PASSWORD_LENGTH + " characters";
        }
        return null;
    }
}
