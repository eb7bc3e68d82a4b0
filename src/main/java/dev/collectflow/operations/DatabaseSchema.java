package dev.collectflow.operations;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database schema has one owner, Flyway: Camunda's schema first (from the engine jar's own scripts), then the
 * domain migrations in {@code db/migration}. The engine only checks it ({@code schema-update: false}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSchema {

    @Bean
    JavaMigration camundaSchema() {
        return CamundaSchema.create();
    }
}
