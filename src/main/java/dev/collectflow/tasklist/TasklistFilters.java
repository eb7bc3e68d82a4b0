package dev.collectflow.tasklist;

import static dev.collectflow.system.Groups.*;

import dev.collectflow.collection.CaseTaskContext;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.pressure.PressureScaleProcess;
import dev.collectflow.security.Grants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Saved Tasklist filters, so each person lands on their work: created at start-up, brought up to date when they
 * exist, each readable by the departments it is for. The task list shows the case's client, invoice, open amount
 * and days overdue.
 */
@Component
@Order(1)
class TasklistFilters implements ApplicationRunner {

    static final String MY_CASES = "My cases";
    static final String NEGOTIATIONS_ENDING_SOON = "Negotiations ending soon";
    /** Replaced by {@link #NEGOTIATIONS_ENDING_SOON}: a negotiation past its deadline is already with legal. */
    private static final String FORMER_OVERDUE_NEGOTIATIONS = "Overdue negotiations";
    static final String TEAM_NEGOTIATIONS = "My team's negotiations";
    static final String OWNER_ASSIGNMENTS = "Clients without owner";
    static final String MANAGEMENT_DECISIONS = "Management decisions";
    static final String LEGAL_QUEUE = "Legal queue";
    static final String DISPUTES = "Disputes";
    static final String TODAYS_CALLS = "Today's calls";

    private final FilterService filters;
    private final TaskService tasks;
    private final Grants grants;

    TasklistFilters(FilterService filters, TaskService tasks, Grants grants) {
        this.filters = filters;
        this.tasks = tasks;
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        save(MY_CASES, -20, "Tasks assigned to me", tasks.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
                FINANCE, SALES, SALES_HEADS, LEGAL, MANAGEMENT);
        filters.createFilterQuery().filterName(FORMER_OVERDUE_NEGOTIATIONS).list()
                .forEach(former -> filters.deleteFilter(former.getId()));
        save(NEGOTIATIONS_ENDING_SOON, -15, "My negotiations with two days or less left", tasks.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}").taskDefinitionKey(Activities.NEGOTIATE_PAYMENT)
                .dueBeforeExpression("${dateTime().plusDays(2)}").orderByDueDate().asc(), SALES, SALES_HEADS);
        // the pressure scale creates each call when its day and time come: open ones are today's (or still left over)
        save(TODAYS_CALLS, -18, "My calls and call reminders, by time", tasks.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .taskDefinitionKeyIn(PressureScaleProcess.Activities.CALL_CLIENT,
                        PressureScaleProcess.Activities.REMIND_OWNER, Activities.REMIND_CLIENT_OF_CLAIM)
                .orderByDueDate().asc(), SALES, SALES_HEADS);
        save(TEAM_NEGOTIATIONS, -10, "Negotiations of my team's sales managers", tasks.createTaskQuery()
                .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                .taskDefinitionKey(Activities.NEGOTIATE_PAYMENT).orderByDueDate().asc(), SALES_HEADS);
        save(OWNER_ASSIGNMENTS, -5, "Overdue invoices of clients nobody owns", tasks.createTaskQuery()
                .taskCandidateGroup(SALES_HEADS).includeAssignedTasks().orderByTaskCreateTime().asc(), SALES_HEADS);
        save(MANAGEMENT_DECISIONS, -5, "Key-client exceptions and lawsuits to decide", tasks.createTaskQuery()
                .taskCandidateGroup(MANAGEMENT).includeAssignedTasks().orderByTaskCreateTime().asc(), MANAGEMENT);
        save(LEGAL_QUEUE, -5, "Cases handed to legal that no lawyer has claimed yet", tasks.createTaskQuery()
                .taskCandidateGroup(LEGAL).taskUnassigned().orderByTaskCreateTime().asc(), LEGAL);
        save(DISPUTES, -5, "Disputed invoices for finance to resolve", tasks.createTaskQuery()
                .taskCandidateGroup(FINANCE).includeAssignedTasks().orderByTaskCreateTime().asc(), FINANCE);
    }

    private void save(String name, int priority, String description, TaskQuery query, String... readers) {
        // Nodes set up one at a time (operations/StartUpLock); copies left by an older race are removed here.
        List<Filter> existing = filters.createFilterQuery().filterName(name).orderByFilterId().asc().list();
        existing.stream().skip(1).forEach(copy -> filters.deleteFilter(copy.getId()));
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
        filter.setOwner(null);
        filter.setQuery(query);
        filter.setProperties(properties(priority, description));
        filters.saveFilter(filter);
        for (String group : readers) {
            grants.toGroup(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private static Map<String, Object> properties(int priority, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", new ArrayList<>(List.of(
                column(CaseTaskContext.CLIENT_NAME, "Client"),
                column(CaseTaskContext.INVOICE, "Invoice"),
                column(CaseTaskContext.OPEN_AMOUNT, "Open amount"),
                column(CaseTaskContext.DAYS_OVERDUE, "Days overdue"))));
        return properties;
    }

    private static Map<String, String> column(String variable, String label) {
        return Map.of("name", variable, "label", label);
    }
}
