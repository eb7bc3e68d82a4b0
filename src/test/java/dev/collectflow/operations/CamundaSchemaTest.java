package dev.collectflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

/** The schema procedure on H2: Camunda's scripts from the engine jar, then the domain; repeatable; upgrades skipped when not needed. */
class CamundaSchemaTest {

    @Test
    void anEmptyDatabaseGetsCamundasSchemaThenTheDomainAndASecondRunChangesNothing() throws Exception {
        String url = "jdbc:h2:mem:schema-empty;DB_CLOSE_DELAY=-1";
        assertThat(flyway(url, false, CamundaSchema.create()).migrate().migrationsExecuted).isGreaterThanOrEqualTo(3);
        assertThat(query(url, "select VERSION_ from ACT_GE_SCHEMA_LOG")).isEqualTo("7.24.0");
        assertThat(query(url, "select count(*) from invoice")).isEqualTo("0");
        assertThat(flyway(url, false, CamundaSchema.create()).migrate().migrationsExecuted).isZero();

        // the engine starts on it without touching the schema
        ProcessEngine engine = engine(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        engine.close();
    }

    @Test
    void anUpgradeToTheVersionTheSchemaAlreadyHasIsSkipped() throws Exception {
        String url = "jdbc:h2:mem:schema-upgrade;DB_CLOSE_DELAY=-1";
        flyway(url, false, CamundaSchema.create()).migrate();
        var result = flyway(url, false, CamundaSchema.create(), CamundaSchema.upgrade("900", "7.23", "7.24")).migrate();
        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(query(url, "select count(*) from ACT_GE_SCHEMA_LOG")).as("no upgrade script ran").isEqualTo("1");
    }

    @Test
    void aSchemaTheEngineCreatedItselfIsAdopted() throws Exception {
        String url = "jdbc:h2:mem:schema-adopted;DB_CLOSE_DELAY=-1";
        // an installation from before the procedure: the domain by Flyway, then Camunda's tables by the engine
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        engine(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).close();

        var result = flyway(url, true, CamundaSchema.create()).migrate();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        assertThat(query(url, "select count(*) from ACT_GE_SCHEMA_LOG")).isEqualTo("1");
        engine(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE).close();
    }

    @Test
    void scriptsAreSplitIntoStatementsWithoutComments() {
        assertThat(CamundaSchema.statements("""
                -- licence
                create table A (ID_ varchar(64));
                -- index to prevent deadlock --
                create index I on A(ID_);

                """)).containsExactly("create table A (ID_ varchar(64))", "create index I on A(ID_)");
        assertThat(CamundaSchema.compareMinor("7.24.0", "7.24")).isZero();
        assertThat(CamundaSchema.compareMinor("7.9.0", "7.24")).isNegative();
    }

    private static Flyway flyway(String url, boolean outOfOrder, JavaMigration... camunda) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .javaMigrations(camunda).outOfOrder(outOfOrder).load();
    }

    private static ProcessEngine engine(String url, String schemaUpdate) {
        return ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername("sa").setJdbcPassword("")
                .setDatabaseSchemaUpdate(schemaUpdate)
                .setJobExecutorActivate(false)
                .setProcessEngineName("schema-" + url.hashCode())
                .buildProcessEngine();
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
