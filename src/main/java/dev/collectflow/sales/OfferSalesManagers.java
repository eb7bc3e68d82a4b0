package dev.collectflow.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.staff.SalesTeams;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** Gives "Assign client owner" the list of sales managers its form offers (task-local JSON {@code salesManagerOptions}). */
@Component("offerSalesManagers")
class OfferSalesManagers implements TaskListener {

    static final String OPTIONS = "salesManagerOptions";

    private final SalesTeams teams;
    private final ObjectMapper json;

    OfferSalesManagers(SalesTeams teams, ObjectMapper json) {
        this.teams = teams;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Map<String, String>> options = teams.salesManagers().stream()
                .map(user -> Map.of("label", (user.getFirstName() + " " + user.getLastName()).strip(),
                        "value", user.getId()))
                .toList();
        try {
            task.setVariableLocal(OPTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the sales manager options", e);
        }
    }
}
