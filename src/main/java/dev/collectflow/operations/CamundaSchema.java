package dev.collectflow.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's database schema as a Flyway migration: runs the SQL scripts that ship inside the {@code camunda-engine}
 * jar on the class path, for the database at hand (PostgreSQL or H2), so the engine never changes the schema at
 * start-up ({@code camunda.bpm.database.schema-update: false}).
 * <ul>
 * <li>{@link #create()} (version 0.1, before the domain) creates the schema of the engine version on the class
 * path. A database whose engine already created the schema (an installation older than this procedure) is
 * adopted as it is.</li>
 * <li>{@link #upgrade} runs one of Camunda's upgrade scripts ({@code <db>_engine_<from>_to_<to>.sql}) when the
 * schema is older than its target: register one bean per minor version when the engine is upgraded (see README).</li>
 * </ul>
 */
public final class CamundaSchema implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(CamundaSchema.class);
    private static final String SCRIPTS = "org/camunda/bpm/engine/db/";
    /** The order in which the engine itself creates its tables. */
    private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    private final MigrationVersion version;
    private final String description;
    private final String upgradeFrom;
    private final String upgradeTo;

    private CamundaSchema(String version, String description, String upgradeFrom, String upgradeTo) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.upgradeFrom = upgradeFrom;
        this.upgradeTo = upgradeTo;
    }

    /** Migration 0.1: the Camunda schema of the engine on the class path. */
    public static CamundaSchema create() {
        return new CamundaSchema("0.1", "Camunda schema", null, null);
    }

    /** A later migration that upgrades the Camunda schema by one minor version, e.g. ("7", "7.24", "7.25"). */
    public static CamundaSchema upgrade(String flywayVersion, String fromMinor, String toMinor) {
        return new CamundaSchema(flywayVersion, "Camunda schema " + fromMinor + " to " + toMinor, fromMinor, toMinor);
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    /** None: the scripts belong to the engine version on the class path, which may change after they ran. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String database = databaseType(connection.getMetaData());
        if (upgradeFrom == null) {
            if (tableExists(connection.getMetaData(), "ACT_GE_PROPERTY")) {
                log.info("Camunda schema found (created by the engine of an earlier installation); adopted as it is");
                return;
            }
            for (String component : COMPONENTS) {
                execute(connection, SCRIPTS + "create/activiti." + database + ".create." + component + ".sql");
            }
            log.info("Camunda schema {} created", schemaVersion(connection));
        } else {
            String current = schemaVersion(connection);
            if (compareMinor(current, upgradeTo) >= 0) {
                log.info("Camunda schema is {}; upgrade {} to {} not needed", current, upgradeFrom, upgradeTo);
                return;
            }
            execute(connection, SCRIPTS + "upgrade/" + database + "_engine_" + upgradeFrom + "_to_" + upgradeTo + ".sql");
            log.info("Camunda schema upgraded from {} to {}", upgradeFrom, upgradeTo);
        }
    }

    static String databaseType(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("CollectFlow runs on PostgreSQL or H2, not on " + product);
    }

    private static boolean tableExists(DatabaseMetaData metaData, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The version the schema log names last, e.g. 7.24.0. */
    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet versions = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
            String latest = null;
            while (versions.next()) {
                String version = versions.getString(1);
                if (latest == null || compareMinor(version, latest) > 0) {
                    latest = version;
                }
            }
            return latest;
        }
    }

    /** Compares versions by their first two numbers (7.24.1 and 7.24 are the same minor version). */
    static int compareMinor(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < 2; i++) {
            int difference = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static void execute(Connection connection, String resource) throws IOException, SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(resource))) {
                statement.execute(sql);
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda's script " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The statements of one of Camunda's scripts: comment lines dropped, split at semicolons. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
