package dev.collectflow.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A checked KPI request: the period (from and to inclusive), the day for figures "as of", the filters, the grouping,
 * and what the asking person may see (a manager only their own invoices, a head of sales their teams' and those of
 * clients without owner, everybody else all).
 */
record KpiQuery(LocalDate from, LocalDate to, LocalDate asOf, LocalDate today, String manager, String team,
                String client, String currency, Grouping by, Scope scope) {

    enum Grouping { MANAGER, TEAM, CLIENT, COMPANY }

    record Scope(String onlyManager, Set<String> onlyTeams) {
        static final Scope ALL = new Scope(null, null);

        static Scope manager(String userId) {
            return new Scope(userId, null);
        }

        static Scope teams(Set<String> teams) {
            return new Scope(null, Set.copyOf(teams));
        }
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    KpiQuery withPeriod(LocalDate from, LocalDate to) {
        return new KpiQuery(from, to, asOf, today, manager, team, client, currency, by, scope);
    }

    KpiQuery asOf(LocalDate day) {
        return new KpiQuery(from, to, day, today, manager, team, client, currency, by, scope);
    }
}
