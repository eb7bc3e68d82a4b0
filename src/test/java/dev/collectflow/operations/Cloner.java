package dev.collectflow.operations;

import dev.collectflow.operations.EngineComparisonBenchmark.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes many cases set-based in SQL, for benchmarks that need more cases than HTTP can register in their time: one
 * case started through the API is the template, and every row it has in the domain tables and in Camunda's runtime
 * and history tables (of every process instance under its business key: the collection process and the pressure
 * scale) is copied N times in one transaction. A copy gets the invoice number (and business key)
 * {@code <template>-<n>}; every Camunda id of the template's rows is replaced by a hash of that id and n, the same in
 * every table, so the copies reference each other as the template's rows do. Columns that are not ids (dates,
 * amounts, the client, definitions, job definitions) stay the template's.
 */
final class Cloner {

    /** Camunda tables holding a process instance's rows, and the column naming the process instance. */
    private static final List<String[]> ENGINE_TABLES = List.of(
            new String[] {"act_ru_execution", "proc_inst_id_"},
            new String[] {"act_ru_job", "process_instance_id_"},
            new String[] {"act_ru_variable", "proc_inst_id_"},
            new String[] {"act_ru_event_subscr", "proc_inst_id_"},
            new String[] {"act_ru_task", "proc_inst_id_"},
            new String[] {"act_ru_incident", "proc_inst_id_"},
            new String[] {"act_hi_procinst", "proc_inst_id_"},
            new String[] {"act_hi_actinst", "proc_inst_id_"},
            new String[] {"act_hi_varinst", "proc_inst_id_"},
            new String[] {"act_hi_detail", "proc_inst_id_"},
            new String[] {"act_hi_taskinst", "proc_inst_id_"},
            new String[] {"act_hi_job_log", "process_instance_id_"},
            new String[] {"act_hi_op_log", "proc_inst_id_"});
    /** Domain tables holding a case's rows, and the column naming its invoice. */
    private static final List<String[]> DOMAIN_TABLES = List.of(
            new String[] {"invoice", "number"},
            new String[] {"case_event", "invoice_number"},
            new String[] {"kpi_invoice", "invoice_number"},
            new String[] {"kpi_movement", "invoice_number"});

    private Cloner() {
    }

    /** Copies the CollectFlow case of this invoice number {@code count} times, numbered from 1. */
    static void cloneCase(Database database, String invoiceNumber, int count) throws SQLException {
        cloneCase(database, invoiceNumber, 0, count);
    }

    /** Copies the case {@code count} times, numbered {@code after + 1 … after + count}. */
    static void cloneCase(Database database, String invoiceNumber, int after, int count) throws SQLException {
        copy(database, invoiceNumber, after, count, true);
    }

    /** Copies a bare process instance (by business key) {@code count} times. */
    static void cloneBare(Database database, String businessKey, int count) throws SQLException {
        copy(database, businessKey, 0, count, false);
    }

    private static void copy(Database database, String businessKey, int after, int count, boolean domain)
            throws SQLException {
        if (count <= 0) {
            return;
        }
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            // a case has its collection process and its pressure scale, both under the invoice number
            List<String> processInstances = values(connection, "select id_ from act_ru_execution where business_key_"
                    + " = '" + businessKey + "' and parent_id_ is null");
            if (processInstances.isEmpty()) {
                throw new IllegalStateException("no process instance with business key " + businessKey);
            }
            String instanceList = quoted(processInstances);
            if (!values(connection, "select bytearray_id_ from act_ru_variable where proc_inst_id_ in ("
                    + instanceList + ") and bytearray_id_ is not null").isEmpty()) {
                throw new IllegalStateException("the template has serialized variables; copying them is not supported");
            }
            Set<String> ids = new LinkedHashSet<>(processInstances);
            for (String[] table : ENGINE_TABLES) {
                ids.addAll(values(connection, "select id_ from " + table[0] + " where " + table[1] + " in ("
                        + instanceList + ")"));
            }
            String series = database.postgres()
                    ? "generate_series(" + (after + 1) + ", " + (after + count) + ") as g(n)"
                    : "(select x as n from system_range(" + (after + 1) + ", " + (after + count) + ")) g";
            String idList = quoted(ids);
            List<String[]> tables = new ArrayList<>(ENGINE_TABLES);
            if (domain) {
                tables.addAll(DOMAIN_TABLES);
            }
            if (!database.postgres()) {
                // H2 checks a row's reference to its parent execution as the row is inserted, whatever the order
                execute(connection, "set referential_integrity false");
            }
            try {
                copyRows(connection, tables, instanceList, businessKey, idList, series, database);
            } finally {
                if (!database.postgres()) {
                    execute(connection, "set referential_integrity true");
                }
            }
            connection.commit();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void copyRows(Connection connection, List<String[]> tables, String instanceList,
                                 String businessKey, String idList, String series, Database database)
            throws SQLException {
        for (String[] table : tables) {
            String key = table[0].startsWith("act_") ? instanceList : "'" + businessKey + "'";
            List<String> columns = new ArrayList<>();
            List<String> expressions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select * from " + table[0] + " where 1 = 0")) {
                ResultSetMetaData meta = rows.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase();
                    if (column.equals("id") && meta.isAutoIncrement(i)) {
                        continue; // the table's own identity
                    }
                    columns.add(column);
                    expressions.add(isText(meta.getColumnType(i))
                            ? "case when " + column + " = '" + businessKey + "' then " + column + " || '-' || "
                                    + "cast(n as varchar(12)) when " + column + " in (" + idList + ") then "
                                    + hash(database, column) + " else " + column + " end"
                            : column);
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("insert into " + table[0] + " (" + String.join(", ", columns) + ") select "
                        + String.join(", ", expressions) + " from " + table[0] + ", " + series + " where "
                        + table[1] + " in (" + key + ")");
            }
        }
    }

    /** A new id for the template's id in this column and copy n: the same in every table. */
    private static String hash(Database database, String column) {
        String input = column + " || '-' || cast(n as varchar(12))";
        return database.postgres() ? "md5(" + input + ")" : "lower(rawtohex(hash('SHA-256', " + input + ")))";
    }

    private static boolean isText(int type) {
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR;
    }

    private static String quoted(Collection<String> values) {
        return values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", "));
    }

    private static List<String> values(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
