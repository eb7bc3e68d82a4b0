package dev.collectflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.collectflow.CollectFlowApplication;
import dev.collectflow.DueJobs;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientService;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.invoice.InvoiceStatus;
import dev.collectflow.payment.PaymentData;
import dev.collectflow.payment.PaymentService;
import dev.collectflow.invoice.InvoiceService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile on an empty real PostgreSQL: the schema by Flyway (Camunda's scripts, then the domain), which
 * the engine only checks; a case run end to end.
 */
class PostgresApplicationIT {

    @Test
    void aCaseRunsOnPostgres() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectFlowApplication.class)
                     .profiles("postgres")
                     .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                             "--spring.datasource.username=postgres",
                             "--spring.datasource.password=postgres",
                             "--camunda.bpm.admin-user.password=Operator-Pa55word",
                             "--spring.mail.host=127.0.0.1",
                             "--spring.mail.port=" + smtp.getSmtp().getPort(),
                             "--server.port=0",
                             "--spring.jmx.enabled=false",
                             "--camunda.bpm.process-engine-name=postgresCheck",
                             "--camunda.bpm.job-execution.enabled=false")) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
            assertThat(engine.getProcessEngineConfiguration().getDatabaseSchemaUpdate()).isEqualTo("false");
            assertThat(app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                    "select version from flyway_schema_history where success order by installed_rank", String.class))
                    .startsWith("0.1", "1");
            IdentityService identity = engine.getIdentityService();
            assertThat(identity.createUserQuery().list()).as("no demo users in production")
                    .extracting(User::getId).containsExactly("admin");
            assertThat(identity.checkPassword("admin", "Operator-Pa55word")).isTrue();
            User manager = identity.newUser("pia");
            manager.setEmail("pia@example.com");
            identity.saveUser(manager);
            var salesGroup = identity.newGroup(Groups.SALES);
            identity.saveGroup(salesGroup);
            identity.createMembership("pia", Groups.SALES);

            app.getBean(ClientService.class).save("pg-client",
                    new ClientDetails("Postgres GmbH", null, null, null, "pia", false, "de"));
            LocalDate today = app.getBean(Deadlines.class).today(); // the application's zone, not the JVM's
            LocalDate yesterday = today.minusDays(1);
            app.getBean(CollectionCases.class).register(new InvoiceData("PG-1", "pg-client",
                    new BigDecimal("99.90"), "EUR", yesterday.minusDays(30), yesterday), "test");
            DueJobs.run(engine.getManagementService(), null);

            assertThat(engine.getTaskService().createTaskQuery().taskAssignee("pia").singleResult().getName())
                    .isEqualTo("Negotiate payment — PG-1, Postgres GmbH");
            assertThat(smtp.getReceivedMessages()).hasSize(1);

            app.getBean(PaymentService.class).receive(new PaymentData("PG-PAY-1", "PG-1",
                    new BigDecimal("99.90"), "EUR", today), "test");
            DueJobs.run(engine.getManagementService(), null);
            assertThat(app.getBean(InvoiceService.class).get("PG-1").getStatus()).isEqualTo(InvoiceStatus.PAID);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
        } finally {
            smtp.stop();
        }
    }
}
