package dev.collectflow.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rule of bpmn/PressureScale.dmn, evaluated by Camunda's DMN engine as the process evaluates it. */
class PressureScaleTableTest {

    private static final Path TABLE = Path.of("bpmn", "PressureScale.dmn");
    private static final Set<String> RULES_MATCHED = ConcurrentHashMap.newKeySet();
    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void readTable() throws IOException {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.<DmnDecisionTableEvaluationListener>of(
                event -> event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId)
                        .forEach(RULES_MATCHED::add)));
        engine = configuration.buildEngine();
        try (InputStream in = new FileInputStream(TABLE.toFile())) {
            decision = engine.parseDecision(PressureScaleProcess.DECISION, in);
        }
    }

    @AfterAll
    static void everyRuleWasMatchedByATest() {
        DmnModelInstance model = Dmn.readModelFromFile(TABLE.toFile());
        List<String> rules = model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
        assertThat(RULES_MATCHED).containsExactlyInAnyOrderElementsOf(rules);
    }

    private static DmnDecisionResultEntries next(String stage, String lastStep, boolean keyClient) {
        Map<String, Object> situation = new HashMap<>();
        situation.put("stage", stage);
        situation.put("lastStep", lastStep);
        situation.put("workingDaysPastDue", 2);
        situation.put("keyClient", keyClient);
        situation.put("openAmount", 1000.0);
        return engine.evaluateDecision(decision, situation).getFirstResult();
    }

    @Test
    void oneDecisionWithFirstHitPolicyThatOpensInModeler() {
        DmnModelInstance model = Dmn.readModelFromFile(TABLE.toFile());
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)).hasSize(1);
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getText().getTextContent())
                .containsExactly("stage", "lastStep", "workingDaysPastDue", "keyClient", "openAmount");
        assertThat(table.getOutputs()).extracting(o -> o.getName())
                .containsExactly("step", "stepWorkingDay", "stepTime", "mentionForgivenTime");
    }

    @Test
    void aCaseBeyondNegotiationGetsNoFurtherStep() {
        for (String stage : List.of("LEGAL_CLAIM", "COURT", "CLOSED")) {
            assertThat((String) next(stage, "NONE", false).getEntry("step")).isEqualTo("NONE");
        }
    }

    @Test
    void beforeTheDueDateTheContactGetsAFriendlyMailThreeWorkingDaysAhead() {
        DmnDecisionResultEntries step = next("NOT_DUE", "NONE", false);
        assertThat((String) step.getEntry("step")).isEqualTo("FRIENDLY_REMINDER");
        assertThat(((Number) step.getEntry("stepWorkingDay")).intValue()).isEqualTo(-3);
        assertThat((String) step.getEntry("stepTime")).isEqualTo("09:00");
        assertThat((Boolean) step.getEntry("mentionForgivenTime")).isFalse();
    }

    @Test
    void aKeyClientsFriendlyMailMentionsTheTimeForgiven() {
        DmnDecisionResultEntries step = next("NOT_DUE", "NONE", true);
        assertThat((String) step.getEntry("step")).isEqualTo("FRIENDLY_REMINDER");
        assertThat((Boolean) step.getEntry("mentionForgivenTime")).isTrue();
    }

    @Test
    void levelOneIsAReminderInTheOwnersCalendarOneWorkingDayAfterTheDueDate() {
        DmnDecisionResultEntries step = next("NEGOTIATION", "FRIENDLY_REMINDER", false);
        assertThat((String) step.getEntry("step")).isEqualTo("OWNER_REMINDER");
        assertThat(((Number) step.getEntry("stepWorkingDay")).intValue()).isEqualTo(1);
        assertThat((String) step.getEntry("stepTime")).isEqualTo("09:00");
    }

    @Test
    void levelTwoIsACallAtTheOwnersCallTimeThreeWorkingDaysAfterTheDueDate() {
        DmnDecisionResultEntries step = next("NEGOTIATION", "OWNER_REMINDER", false);
        assertThat((String) step.getEntry("step")).isEqualTo("CALL");
        assertThat(((Number) step.getEntry("stepWorkingDay")).intValue()).isEqualTo(3);
        assertThat((String) step.getEntry("stepTime")).as("empty: the owner's own call time").isEmpty();
    }

    @Test
    void theFinalWarningComesSixWorkingDaysAfterTheDueDateWhileNegotiating() {
        DmnDecisionResultEntries step = next("NEGOTIATION", "CALL", false);
        assertThat((String) step.getEntry("step")).isEqualTo("FINAL_WARNING");
        assertThat(((Number) step.getEntry("stepWorkingDay")).intValue()).isEqualTo(6);
        assertThat((String) step.getEntry("stepTime")).isEqualTo("09:00");
        assertThat((Boolean) step.getEntry("mentionForgivenTime")).isFalse();
    }

    @Test
    void aKeyClientsFinalWarningMentionsTheTimeForgiven() {
        DmnDecisionResultEntries step = next("NEGOTIATION", "CALL", true);
        assertThat((String) step.getEntry("step")).isEqualTo("FINAL_WARNING");
        assertThat((Boolean) step.getEntry("mentionForgivenTime")).isTrue();
    }

    @Test
    void noFinalWarningOutsideNegotiationAndNothingAfterIt() {
        assertThat((String) next("PROMISE_TO_PAY", "CALL", false).getEntry("step")).isEqualTo("NONE");
        assertThat((String) next("NEGOTIATION", "FINAL_WARNING", false).getEntry("step")).isEqualTo("NONE");
    }
}
