package dev.collectflow.api;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/** How much the application has stored: what a refused request must leave as it was. */
record StoredRecords(long clients, long invoices, long payments, long auditEvents, long runningCases,
                     long casesEver) {

    static StoredRecords count(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history) {
        return new StoredRecords(rows(jdbc, "client"), rows(jdbc, "invoice"), rows(jdbc, "payment"),
                rows(jdbc, "case_event"), runtime.createProcessInstanceQuery().count(),
                history.createHistoricProcessInstanceQuery().count());
    }

    private static long rows(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
