package dev.collectflow.security;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collectflow.CollectionTestSupport;
import dev.collectflow.collection.TaskAssignmentRefusedException;
import dev.collectflow.collection.TaskInputRejectedException;
import dev.collectflow.system.Groups;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The operator's log: a caller's mistake (invalid input, an unknown task, a step not allowed) is a 4xx for the caller
 * and at most a warning in the log, so an alert on ERROR pages nobody for a typo; a real incident (a step that
 * fails) is still an ERROR with its stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallerMistakesLogIT extends CollectionTestSupport {

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+\\s+ERROR\\s.*$");

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repository;

    private List<String> errorLines(CapturedOutput output) {
        return ERROR_LINE.matcher(output.getAll()).results().map(r -> r.group()).toList();
    }

    @Test
    void rejectedRequestsAreNoErrors(CapturedOutput output) {
        ProcessInstance negotiation = overdueInvoice(client("mia", false));
        String task = "/task/" + openTask(negotiation).getId();
        ProcessInstance atLegal = overdueInvoice(client("mia", false));
        completeAs("mia", atLegal, Map.of(NEGOTIATION_OUTCOME, "NO_AGREEMENT", NEGOTIATION_NOTE, "refuses"));
        String claimTask = "/task/" + openTask(atLegal).getId();
        tasks.claim(openTask(atLegal).getId(), "leo");
        String badPromise = """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"}, "promisedDate": {"value": "2020-01-01"}}}""";
        int before = errorLines(output).size();

        for (EngineApi mia : List.of(EngineApi.rest(http, "mia"), EngineApi.tasklist(http, "mia"))) {
            assertThat(mia.post(task + "/complete", badPromise).status()).isEqualTo(400);
            assertThat(mia.post(task + "/submit-form", "{\"variables\": ").status()).isEqualTo(400);
            assertThat(mia.post(task + "/resolve", badPromise).status()).isEqualTo(403);
            assertThat(mia.post("/task/no-such-task/complete", badPromise).status()).isEqualTo(404);
            assertThat(mia.post("/task/no-such-task/claim", "{\"userId\": \"mia\"}").status()).isEqualTo(404);
            assertThat(mia.get("/task/no-such-task/variables").status()).isEqualTo(404);
            assertThat(mia.delete("/task/no-such-task").status()).isEqualTo(404);
            assertThat(mia.post("/signal", "{\"name\": \"x\"}").status()).isEqualTo(403);
            assertThat(mia.post(claimTask + "/claim", "{\"userId\": \"mia\"}").status()).isEqualTo(404);
        }
        EngineApi olga = EngineApi.rest(http, "olga");
        assertThat(olga.post("/task/no-such-task/complete", badPromise).status()).isEqualTo(404);
        assertThat(olga.post(task + "/complete", badPromise).status()).isEqualTo(400);
        assertThat(olga.post(claimTask + "/claim", "{\"userId\": \"olga\"}").status()).isEqualTo(409);
        assertThat(olga.delete(claimTask).status()).isEqualTo(409);
        assertThat(EngineApi.rest(http, "lena").post(claimTask + "/claim", "{\"userId\": \"lena\"}").status())
                .isEqualTo(409);
        assertThat(EngineApi.rest(http, "sam").post(task + "/complete", badPromise).status()).isEqualTo(403);

        assertThat(errorLines(output).subList(before, errorLines(output).size())).isEmpty();
        assertThat(output.getAll()).doesNotContain("ENGINE-16004")
                .containsPattern("INFO .*Refused POST task/\\S+/resolve for mia: 403");
    }

    @Test
    void aTaskRefusingItsInputOrAssigneeInsideTheEngineIsAWarning(CapturedOutput output) {
        ProcessInstance negotiation = overdueInvoice(client("mia", false));
        String taskId = openTask(negotiation).getId();
        int before = errorLines(output).size();

        identity.setAuthentication("mia", List.of(Groups.SALES, "teamnorth"));
        try {
            assertThatThrownBy(() -> tasks.complete(taskId, Map.of(NEGOTIATION_OUTCOME, "BOGUS")))
                    .hasRootCauseInstanceOf(TaskInputRejectedException.class);
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthentication("sam", List.of(Groups.SALES_HEADS, "teamnorth"));
        try {
            assertThatThrownBy(() -> tasks.setAssignee(taskId, "hugo"))
                    .hasRootCauseInstanceOf(TaskAssignmentRefusedException.class);
        } finally {
            identity.clearAuthentication();
        }

        assertThat(errorLines(output).subList(before, errorLines(output).size())).isEmpty();
        assertThat(output.getAll()).containsPattern("WARN .*Refused by the engine, the caller's mistake: "
                + "\"Negotiate payment .*negotiationOutcome must be one of")
                .containsPattern("WARN .*Refused by the engine, the caller's mistake: hugo may not hold this task");
        assertThat(openTask(negotiation).getAssignee()).isEqualTo("mia");
    }

    @Test
    void aStepThatFailsIsStillAnError(CapturedOutput output) {
        BpmnModelInstance failing = Bpmn.createExecutableProcess("LogCheck_FailingStep").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Fails").camundaAsyncBefore()
                .camundaExpression("${noSuchBean.call()}").endEvent().done();
        Deployment deployment = repository.createDeployment().addModelInstance("log-check.bpmn", failing).deploy();
        try {
            ProcessInstance instance = runtime.startProcessInstanceByKey("LogCheck_FailingStep");
            Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

            EngineApi.rest(http, "olga").post("/job/" + job.getId() + "/execute", null); // the operator retries it

            assertThat(errorLines(output)).anySatisfy(line -> assertThat(line).contains("ENGINE-16004", "noSuchBean"));
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
