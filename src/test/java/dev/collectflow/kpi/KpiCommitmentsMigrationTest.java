package dev.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Migration V11 on a database that already holds graded promises and instalments: they become KPI facts. */
class KpiCommitmentsMigrationTest {

    private static final String URL = "jdbc:h2:mem:kpi-commitments;DB_CLOSE_DELAY=-1";

    @Test
    void gradedPromisesAndInstalmentsRecordedBeforeV11BecomeKpiFactsWithTheirInvoicesAttribution() throws Exception {
        migrateTo("10");
        execute("""
                insert into client (id, name, owner, key_client, language, created_at, updated_at, version)
                values ('k1', 'Client k1', 'mia', false, 'en', current_timestamp, current_timestamp, 0)""");
        execute("""
                insert into invoice (number, client_id, amount, currency, issue_date, due_date, open_amount, status,
                    registered_at, version)
                values ('INV-1', 'k1', 900.00, 'USD', date '2027-01-01', date '2027-01-31', 300.00, 'OVERDUE',
                    current_timestamp, 0)""");
        execute("""
                insert into promise_to_pay (invoice_number, promised_date, amount, check_at, made_by, made_at, grade,
                    paid, graded_at)
                values ('INV-1', date '2027-02-05', 900.00, current_timestamp, 'mia', current_timestamp, 'PARTLY_KEPT',
                    300.00, current_timestamp),
                       ('INV-1', date '2027-03-01', 600.00, current_timestamp, 'mia', current_timestamp, null, null,
                    null)""");
        execute("""
                insert into payment_plan (invoice_number, total, agreed_by, agreed_at)
                values ('INV-1', 600.00, 'mia', current_timestamp)""");
        execute("""
                insert into instalment (plan_id, instalment_no, due_on, amount, check_at, grade, paid, graded_at)
                select id, 1, date '2027-02-20', 300.00, current_timestamp, 'KEPT', 300.00, current_timestamp
                from payment_plan union all
                select id, 2, date '2027-03-20', 300.00, current_timestamp, null, null, null from payment_plan""");

        migrateTo("11");

        assertThat(rows("select kind, invoice_number, client_id, currency, due_date, on_date, grade"
                + " from kpi_commitment order by on_date")).containsExactly(
                "PROMISE INV-1 k1 USD 2027-01-31 2027-02-05 PARTLY_KEPT",
                "INSTALMENT INV-1 k1 USD 2027-01-31 2027-02-20 KEPT");
    }

    private static void migrateTo(String version) {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target(version).load()
                .migrate();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Each row's columns joined by a space. */
    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
