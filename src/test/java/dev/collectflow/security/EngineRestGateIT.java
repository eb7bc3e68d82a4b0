package dev.collectflow.security;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.CollectionTestSupport;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.CaseTaskContext;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.security.EngineApi.Answer;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The holes a probe of Camunda's REST APIs found, each tried as the person who found it would: a sales manager, a
 * head of sales or a lawyer with their own login, over HTTP. Each request is refused with the right 4xx in Camunda's
 * error format, and the case, read back with the engine's rights, is as it was.
 */
class EngineRestGateIT extends CollectionTestSupport {

    @Autowired TestRestTemplate http;

    private EngineApi rest(String user) {
        return EngineApi.rest(http, user);
    }

    /** A negotiation of mia's, as the engine holds it now. */
    private record Snapshot(String taskId, String assignee, String owner, String name, Map<String, Object> variables,
                            Map<String, Object> local, List<String> activities) {
    }

    private Snapshot snapshot(ProcessInstance instance) {
        Task task = openTask(instance);
        return new Snapshot(task.getId(), task.getAssignee(), task.getOwner(), task.getName(),
                runtime.getVariables(instance.getId()), tasks.getVariablesLocal(task.getId()),
                runtime.getActiveActivityIds(instance.getId()));
    }

    private static void assertRefused(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).as(answer.toString()).isTrue();
        assertThat(answer.json().path("type").asText()).as(answer.toString()).isNotBlank();
        assertThat(answer.message()).as(answer.toString()).isNotBlank();
    }

    private static final String REWRITE = """
            {"variables": {"salesManager": {"value": "otto"}, "keyClient": {"value": true, "type": "Boolean"},
                           "negotiationOutcome": {"value": "BOGUS"}}}""";

    @Test
    void resolvingATaskIsRefusedAndRewritesNothing() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);

        for (EngineApi mia : List.of(rest("mia"), EngineApi.tasklist(http, "mia"))) {
            Answer resolved = mia.post("/task/" + before.taskId() + "/resolve", REWRITE);
            assertRefused(resolved, 403);
            assertThat(resolved.message()).contains("not a step of the regulation");
        }

        assertThat(snapshot(instance)).isEqualTo(before);
        assertThat(runtime.getVariable(instance.getId(), SALES_MANAGER)).isEqualTo("mia");
        assertThat(runtime.getVariable(instance.getId(), NEGOTIATION_OUTCOME)).isNull();
    }

    @Test
    void delegatingATaskIsRefused() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);

        assertRefused(rest("mia").post("/task/" + before.taskId() + "/delegate", "{\"userId\": \"max\"}"), 403);
        assertRefused(EngineApi.tasklist(http, "mia").post("/task/" + before.taskId() + "/delegate",
                "{\"userId\": \"max\"}"), 403);

        Task task = openTask(instance);
        assertThat(task.getAssignee()).isEqualTo("mia");
        assertThat(task.getOwner()).isNull();
        assertThat(task.getDelegationState()).isNull();
    }

    @Test
    void variablesCannotBeSetOrRemovedOutsideACompletion() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);
        String task = "/task/" + before.taskId();
        String process = "/process-instance/" + instance.getId();
        String execution = "/execution/" + instance.getId();
        String one = "{\"value\": \"otto\", \"type\": \"String\"}";
        String modify = "{\"modifications\": {\"salesManager\": {\"value\": \"otto\"}}, \"deletions\": [\"keyClient\"]}";

        for (EngineApi mia : List.of(rest("mia"), EngineApi.tasklist(http, "mia"))) {
            assertRefused(mia.put(task + "/variables/salesManager", one), 403);
            assertRefused(mia.post(task + "/variables", modify), 403);
            assertRefused(mia.delete(task + "/variables/salesManager"), 403);
            assertRefused(mia.put(process + "/variables/salesManager", one), 403);
            assertRefused(mia.post(process + "/variables", modify), 403);
            assertRefused(mia.delete(process + "/variables/keyClient"), 403);
            assertRefused(mia.put(execution + "/localVariables/salesManager", one), 403);
            assertRefused(mia.post(execution + "/localVariables", modify), 403);
            assertRefused(mia.delete(execution + "/localVariables/salesManager"), 403);
        }

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void aTasksLocalVariablesCannotBeChanged() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);
        String task = "/task/" + before.taskId();

        for (EngineApi mia : List.of(rest("mia"), EngineApi.tasklist(http, "mia"))) {
            assertRefused(mia.put(task + "/localVariables/" + CaseTaskContext.OPEN_AMOUNT,
                    "{\"value\": \"0.00 EUR\"}"), 403);
            assertRefused(mia.post(task + "/localVariables",
                    "{\"modifications\": {\"negotiationOutcome\": {\"value\": \"BOGUS\"}}}"), 403);
            assertRefused(mia.delete(task + "/localVariables/" + CaseTaskContext.HISTORY), 403);
        }

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void everyOtherChangeIsForOperatorsOnly() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);
        String task = "/task/" + before.taskId();
        long tasksBefore = tasks.createTaskQuery().count();
        EngineApi mia = rest("mia");

        assertRefused(mia.put(task, "{\"name\": \"Nothing to do\", \"assignee\": null}"), 403);
        assertRefused(mia.post("/task/create", "{\"name\": \"Extra work\", \"assignee\": \"mia\"}"), 403);
        assertRefused(mia.delete(task), 403);
        assertRefused(mia.post(task + "/identity-links", "{\"userId\": \"otto\", \"type\": \"candidate\"}"), 403);
        assertRefused(mia.post(task + "/bpmnError", "{\"errorCode\": \"ANY\"}"), 403);
        assertRefused(mia.post(task + "/bpmnEscalation", "{\"escalationCode\": \"ANY\"}"), 403);
        assertRefused(mia.post(task + "/comment/create", "{\"message\": \"hello\"}"), 403);
        assertRefused(mia.post("/message", "{\"messageName\": \"" + InvoiceCollectionProcess.Messages.INVOICE_PAID
                + "\", \"businessKey\": \"" + instance.getBusinessKey() + "\"}"), 403);
        assertRefused(mia.post("/process-definition/key/" + InvoiceCollectionProcess.KEY + "/start",
                "{\"businessKey\": \"FAKE-1\"}"), 403);
        assertRefused(mia.post("/process-instance/" + instance.getId() + "/modification",
                "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"" + Activities.NEGOTIATE_PAYMENT + "\"}]}"),
                403);
        assertRefused(mia.put("/process-instance/" + instance.getId() + "/suspended", "{\"suspended\": true}"), 403);
        assertRefused(mia.delete("/process-instance/" + instance.getId()), 403);
        assertRefused(mia.put("/job/retries", "{\"retries\": 0, \"processInstances\": [\"" + instance.getId() + "\"]}"),
                403);
        assertRefused(mia.post("/user/create", "{\"profile\": {\"id\": \"eve\"}, \"credentials\": {\"password\": \"x\"}}"),
                403);
        assertRefused(mia.put("/group/teamsouth/members/mia", null), 403);
        assertRefused(mia.put("/user/mia/profile", "{\"id\": \"mia\", \"firstName\": \"Boss\"}"), 403);
        assertRefused(mia.post("/engine/default" + task + "/resolve", REWRITE), 403);
        assertRefused(mia.post("//task/" + before.taskId() + "/resolve", REWRITE), 403);

        assertThat(snapshot(instance)).isEqualTo(before);
        assertThat(tasks.createTaskQuery().count()).isEqualTo(tasksBefore);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).active().count())
                .isEqualTo(1);
        assertThat(identity.createUserQuery().userId("eve").count()).isZero();
        assertThat(identity.createUserQuery().userId("mia").singleResult().getFirstName()).isEqualTo("Mia");
        assertThat(identity.createUserQuery().memberOfGroup("teamsouth").userId("mia").count()).isZero();
    }

    @Test
    void anyoneThrowingSignalsIsRefused() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);

        assertRefused(rest("mia").post("/signal", "{\"name\": \"anything\"}"), 403);
        assertRefused(rest("fred").post("/signal", "{\"name\": \"anything\"}"), 403);

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void aBodyTheGateCannotReadIsRefused() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);
        String complete = "/task/" + before.taskId() + "/complete";
        EngineApi mia = rest("mia");

        assertRefused(mia.post(complete, "{\"variables\": {\"negotiationOutcome\": "), 400);
        Answer duplicate = mia.post(complete, """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"},
                               "negotiationOutcome": {"value": "NO_AGREEMENT"},
                               "negotiationNote": {"value": "refuses"}}}""");
        assertRefused(duplicate, 400);
        assertThat(duplicate.message()).contains("Duplicate field 'negotiationOutcome'");
        assertRefused(mia.post(complete, """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"}, "negotiationNote": {"value": "x"}},
                 "variables": {}}"""), 400);
        assertRefused(mia.post(complete, "{\"variables\": [\"negotiationOutcome\"]}"), 400);
        assertRefused(mia.post(complete, "[]"), 400);
        assertRefused(mia.post(complete, """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"}, "negotiationNote": {"value": "x"}},
                 "businessKey": "X"}"""), 400);
        assertRefused(mia.post(complete, """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"},
                               "negotiationNote": {"value": {"text": "x"}, "type": "Json"}}}"""), 400);
        assertRefused(mia.post(complete, """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"},
                               "negotiationNote": {"value": "x", "type": "Object",
                                   "valueInfo": {"objectTypeName": "java.lang.String",
                                                 "serializationDataFormat": "application/json"}}}}"""), 400);
        assertRefused(mia.post(complete, """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"}, "negotiationNote": {"value": ["x"]}}}"""),
                400);
        assertRefused(mia.post(complete, """
                {"variables": {"negotiationOutcome": {"value": 7, "type": "String"}, "negotiationNote": {"value": "x"}}}"""),
                400);
        assertRefused(mia.post(complete, """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"}, "negotiationNote": {"value": "x"}}} []"""),
                400);
        assertRefused(mia.send(HttpMethod.POST, complete, """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"}, "negotiationNote": {"value": "x"}}}""",
                MediaType.TEXT_PLAIN), 415);

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void textWithControlOrDirectionCharactersIsRefused() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);

        Answer refused = rest("mia").post("/task/" + before.taskId() + "/complete", """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"},
                               "negotiationNote": {"value": "pays \\u202Eyad txen\\u202C"}}}""");

        assertRefused(refused, 400);
        assertThat(refused.message()).contains("negotiationNote must not contain characters that change the writing direction");
        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void aDateSentAsCamundaDateIsRefusedWithAClearMessage() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);

        Answer refused = rest("mia").post("/task/" + before.taskId() + "/complete", """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"},
                               "promisedDate": {"value": "%sT00:00:00.000+0100", "type": "Date"}}}"""
                .formatted(TODAY.plusDays(5)));

        assertRefused(refused, 400);
        assertThat(refused.message()).contains("promisedDate must be a day as text like 2026-12-31 (type String)");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("promisedDate");
        Answer dateTime = rest("mia").post("/task/" + before.taskId() + "/complete", """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"},
                               "promisedDate": {"value": "%sT10:00:00"}}}""".formatted(TODAY.plusDays(5)));
        assertRefused(dateTime, 400);
        assertThat(dateTime.message()).contains("promisedDate must be a date like 2026-12-31");
        assertThat(snapshot(instance)).isEqualTo(before);

        assertThat(rest("mia").post("/task/" + before.taskId() + "/complete", """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"},
                               "promisedDate": {"value": "%s", "type": "String"}}}""".formatted(TODAY.plusDays(5)))
                .status()).isEqualTo(204);
        assertThat(runtime.getVariable(instance.getId(), PROMISED_DATE)).isEqualTo(TODAY.plusDays(5).toString());
    }

    @Test
    void onlyTheAssigneeCompletesAHeadOfSalesTakesOverFirstAndTheCaseSaysSo() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        Snapshot before = snapshot(instance);
        String task = "/task/" + before.taskId();
        String noAgreement = """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"}, "negotiationNote": {"value": "refuses"}}}""";
        EngineApi sam = rest("sam");

        Answer withoutTakingOver = sam.post(task + "/complete", noAgreement);
        assertRefused(withoutTakingOver, 403);
        assertThat(withoutTakingOver.message()).contains("assigned to mia", "only the assignee completes it");
        assertRefused(sam.post(task + "/claim", "{\"userId\": \"sam\"}"), 409);
        assertRefused(sam.post(task + "/assignee", "{\"userId\": \"max\"}"), 403);
        assertRefused(rest("max").post(task + "/assignee", "{\"userId\": \"max\"}"), 404);
        assertRefused(rest("hugo").post(task + "/assignee", "{\"userId\": \"hugo\"}"), 404);
        assertRefused(rest("mia").post(task + "/unclaim", null), 403);
        assertRefused(rest("mia").post(task + "/assignee", "{\"userId\": null}"), 403);
        assertThat(snapshot(instance)).isEqualTo(before);
        assertThat(history(instance)).noneMatch(e -> e.getType() == CaseEventType.TASK_TAKEN_OVER);

        assertThat(sam.post(task + "/assignee", "{\"userId\": \"sam\"}").status()).isEqualTo(204);
        assertThat(openTask(instance).getAssignee()).isEqualTo("sam");
        assertThat(lastEvent(instance, CaseEventType.TASK_TAKEN_OVER).getActor()).isEqualTo("sam");
        assertThat(lastEvent(instance, CaseEventType.TASK_TAKEN_OVER).getDetail())
                .isEqualTo("Negotiate payment: now held by sam instead of mia");
        assertRefused(rest("mia").post(task + "/complete", noAgreement), 403);

        assertThat(sam.post(task + "/complete", noAgreement).status()).isEqualTo(204);
        runDueJobs(instance);
        assertThat(lastEvent(instance, CaseEventType.NO_AGREEMENT).getActor()).isEqualTo("sam");
    }

    @Test
    void aQueueTaskIsClaimedBeforeItIsCompletedAndOnlyByItsDepartment() {
        ProcessInstance keyCase = overdueInvoice(client("mia", true));
        String task = "/task/" + openTask(keyCase).getId();
        String standard = """
                {"variables": {"keyClientDecision": {"value": "STANDARD"}, "keyClientReason": {"value": "no exception"}}}""";

        Answer unclaimed = rest("dora").post(task + "/complete", standard);
        assertRefused(unclaimed, 403);
        assertThat(unclaimed.message()).contains("Claim \"Decide on key-client exception");
        assertRefused(rest("lena").post(task + "/claim", "{\"userId\": \"lena\"}"), 404);
        assertRefused(rest("dora").post(task + "/claim", "{\"userId\": \"fred\"}"), 403);
        assertThat(openTask(keyCase).getAssignee()).isNull();

        assertThat(rest("dora").post(task + "/claim", "{\"userId\": \"dora\"}").status()).isEqualTo(204);
        assertThat(rest("dora").post(task + "/unclaim", null).status()).as("back to the queue").isEqualTo(204);
        assertThat(openTask(keyCase).getAssignee()).isNull();
        assertThat(rest("dora").post(task + "/claim", "{\"userId\": \"dora\"}").status()).isEqualTo(204);
        assertThat(rest("dora").post(task + "/complete", standard).status()).isEqualTo(204);
        assertThat(openTask(keyCase).getTaskDefinitionKey()).isEqualTo(Activities.NEGOTIATE_PAYMENT);
    }

    @Test
    void anOperatorMayAssignAnyoneAndTheCaseSaysSo() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        String task = "/task/" + openTask(instance).getId();

        assertThat(rest("olga").post(task + "/assignee", "{\"userId\": \"max\"}").status()).isEqualTo(204);

        assertThat(openTask(instance).getAssignee()).isEqualTo("max");
        assertThat(lastEvent(instance, CaseEventType.TASK_TAKEN_OVER).getActor()).isEqualTo("olga");
    }

    @Test
    void callerMistakesAboutTasksAreNotServerErrors() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        String done = openTask(instance).getId();
        completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "NO_AGREEMENT", NEGOTIATION_NOTE, "refuses"));
        String claimTask = openTask(instance).getId();
        String body = "{\"variables\": {}}";

        for (EngineApi api : List.of(rest("mia"), rest("olga"), EngineApi.tasklist(http, "mia"),
                EngineApi.tasklist(http, "olga"))) {
            for (String missing : List.of("no-such-task", done)) {
                assertRefused(api.post("/task/" + missing + "/complete", body), 404);
                assertRefused(api.post("/task/" + missing + "/submit-form", body), 404);
                assertRefused(api.post("/task/" + missing + "/claim", "{\"userId\": \"mia\"}"), 404);
                assertRefused(api.get("/task/" + missing + "/variables"), 404);
                assertRefused(api.get("/task/" + missing + "/form-variables"), 404);
                assertRefused(api.delete("/task/" + missing), 404);
            }
        }
        tasks.claim(claimTask, "leo"); // a colleague was quicker
        assertRefused(rest("lena").post("/task/" + claimTask + "/claim", "{\"userId\": \"lena\"}"), 409);
        assertRefused(rest("olga").post("/task/" + claimTask + "/claim", "{\"userId\": \"olga\"}"), 409);
        Answer partOfACase = rest("olga").delete("/task/" + claimTask);
        assertRefused(partOfACase, 409);
        assertThat(partOfACase.message()).contains("part of a running case");

        assertThat(openTask(instance).getId()).isEqualTo(claimTask);
        assertThat(openTask(instance).getAssignee()).isEqualTo("leo");
    }
}
