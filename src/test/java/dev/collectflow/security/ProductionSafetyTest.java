package dev.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collectflow.CollectFlowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafetyTest {

    @Test
    void refusesMissingShortOrWellKnownAdminPasswords() {
        assertThat(ProductionSafety.problem(new MockEnvironment())).contains("set COLLECTFLOW_ADMIN_PASSWORD");
        assertThat(ProductionSafety.problem(env("demo"))).contains("demo or well-known");
        assertThat(ProductionSafety.problem(env("Admin"))).contains("demo or well-known");
        assertThat(ProductionSafety.problem(env("short-pw"))).contains("shorter than 12");
        assertThat(ProductionSafety.problem(env("a-long-and-private-one"))).isNull();
    }

    @Test
    void refusesTheDemoProfileInProduction() {
        MockEnvironment environment = env("a-long-and-private-one");
        environment.setActiveProfiles("postgres", "demo");
        assertThat(ProductionSafety.problem(environment)).contains("demo profile");
    }

    @Test
    void theApplicationDoesNotStartInProductionWithoutASafeAdminPassword() {
        assertThatThrownBy(() -> start()).hasMessageContaining("refuses to start in production")
                .hasMessageContaining("set COLLECTFLOW_ADMIN_PASSWORD");
        assertThatThrownBy(() -> start("--camunda.bpm.admin-user.password=demo"))
                .hasMessageContaining("refuses to start in production");
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(CollectFlowApplication.class).profiles("postgres")
                .run(concat(args, "--server.port=0", "--spring.jmx.enabled=false")).close();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static MockEnvironment env(String password) {
        return new MockEnvironment().withProperty("camunda.bpm.admin-user.password", password);
    }
}
