package dev.collectflow.feed;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLAIM_NUMBER;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLAIM_SENT_ON;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_NOTE;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.DueJobs;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.pressure.PressureScaleProcess;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each user's calls in their own calendar app: the feed over real HTTP, parsed by a real iCalendar library. */
class CalendarFeedIT extends CollectionTestSupport {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate FRIDAY_DUE = LocalDate.of(2027, 1, 15);

    @Autowired TestRestTemplate http;

    private String salesManager() {
        String id = "cal" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = identity.newUser(id);
        user.setFirstName("Cal");
        user.setLastName(id);
        user.setEmail(id + "@test.local");
        user.setPassword("secret");
        identity.saveUser(user);
        identity.createMembership(id, "sales");
        identity.createMembership(id, "teamnorth");
        return id;
    }

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** A case of the manager's client whose reminder and call are open (the scale run up to the call). */
    private ProcessInstance caseWithOpenCalls(String owner) {
        String clientId = "f-" + newInvoiceNumber().toLowerCase();
        clients.save(clientId, new ClientDetails("Fabrikam; Ltd", "ap@" + clientId + ".example", "+1 212 555 0100",
                "Frank Fabri", owner, false, "en"));
        String number = newInvoiceNumber();
        cases.register(new InvoiceData(number, clientId, new BigDecimal("1000.00"), "EUR", FRIDAY_DUE.minusDays(30),
                FRIDAY_DUE), "fred");
        return cases.instance(number).orElseThrow();
    }

    private void runUntil(Instant moment, ProcessInstance... instances) {
        clock.set(moment);
        for (ProcessInstance instance : instances) {
            runDueJobs(instance);
            ProcessInstance scale = runtime.createProcessInstanceQuery().processDefinitionKey(PressureScaleProcess.KEY)
                    .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();
            DueJobs.run(management, scale.getId());
        }
    }

    private static Instant berlin(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    private ResponseEntity<String> feed(String path) {
        return http.getForEntity(path, String.class);
    }

    private static String path(JsonNode address) {
        return address.get("url").asText().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void theFeedHoldsExactlyTheUsersCallsAtTheirTimesInTheirTimeZone() throws Exception {
        String fiona = salesManager();
        String gus = salesManager();
        assertThat(send(fiona, HttpMethod.PUT, "/api/me/call-settings",
                "{\"timeZone\": \"America/New_York\", \"callTime\": \"09:15\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        ProcessInstance fionas = caseWithOpenCalls(fiona);
        ProcessInstance guss = caseWithOpenCalls(gus);
        runUntil(START, fionas, guss);
        runUntil(berlin(LocalDate.of(2027, 1, 12), 9, 0), fionas, guss);
        runUntil(berlin(LocalDate.of(2027, 1, 18), 15, 0), fionas, guss);
        runUntil(berlin(LocalDate.of(2027, 1, 20), 15, 15), fionas, guss);
        List<Task> fionasTasks = tasks.createTaskQuery().taskAssignee(fiona).processDefinitionKey(PressureScaleProcess.KEY)
                .orderByDueDate().asc().list();
        assertThat(fionasTasks).extracting(Task::getTaskDefinitionKey).containsExactly(
                PressureScaleProcess.Activities.REMIND_OWNER, PressureScaleProcess.Activities.CALL_CLIENT);

        JsonNode address = send(fiona, HttpMethod.GET, "/api/me/calendar-feed", null).getBody();
        assertThat(address.get("token").asText()).hasSizeGreaterThanOrEqualTo(43);
        ResponseEntity<String> response = feed(path(address));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/calendar")))
                .isTrue();
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.getBody()));
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).extracting(e -> e.getRequiredProperty(Property.UID).getValue())
                .containsExactly(fionasTasks.get(0).getId() + "@collectflow", fionasTasks.get(1).getId() + "@collectflow");
        assertThat(events).extracting(e -> e.getRequiredProperty(Property.SUMMARY).getValue()).containsExactly(
                fionasTasks.get(0).getName(), fionasTasks.get(1).getName());
        DtStart<ZonedDateTime> reminder = events.get(0).getRequiredProperty(Property.DTSTART);
        DtStart<ZonedDateTime> call = events.get(1).getRequiredProperty(Property.DTSTART);
        assertThat(call.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("America/New_York");
        assertThat(call.getDate().toInstant())
                .isEqualTo(LocalDate.of(2027, 1, 20).atTime(9, 15).atZone(NEW_YORK).toInstant());
        assertThat(call.getDate().toLocalTime()).isEqualTo(LocalTime.of(9, 15));
        assertThat(reminder.getDate().toInstant())
                .isEqualTo(LocalDate.of(2027, 1, 18).atTime(9, 0).atZone(NEW_YORK).toInstant());
        assertThat(events.get(1).getRequiredProperty(Property.DESCRIPTION).getValue())
                .contains("Frank Fabri, Fabrikam; Ltd, +1 212 555 0100", fionas.getBusinessKey());
    }

    /** A case of the manager's client whose claim lena sent today (Monday 2027-01-11): its claim month runs. */
    private ProcessInstance caseInClaimMonth(String owner, String claimNumber) {
        String clientId = "f-" + newInvoiceNumber().toLowerCase();
        clients.save(clientId, new ClientDetails("Fabrikam; Ltd", "ap@" + clientId + ".example", "+1 212 555 0100",
                "Frank Fabri", owner, false, "en"));
        ProcessInstance instance = overdueInvoice(clientId);
        completeAs(owner, instance, Map.of(NEGOTIATION_OUTCOME, "NO_AGREEMENT", NEGOTIATION_NOTE, "refuses to pay"));
        tasks.claim(openTask(instance).getId(), "lena");
        completeAs("lena", instance, Map.of(CLAIM_NUMBER, claimNumber, CLAIM_SENT_ON, TODAY.toString()));
        return instance;
    }

    private List<VEvent> eventsOf(String user) throws Exception {
        JsonNode address = send(user, HttpMethod.GET, "/api/me/calendar-feed", null).getBody();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed(path(address)).getBody()));
        calendar.validate();
        return calendar.getComponents(Component.VEVENT);
    }

    @Test
    void theClaimMonthsRemindersAreInTheOwnersFeedAtTheirTimeAndInNoOneElses() throws Exception {
        String fiona = salesManager();
        String gus = salesManager();
        send(fiona, HttpMethod.PUT, "/api/me/call-settings", "{\"timeZone\": \"America/New_York\", \"callTime\": \"09:15\"}");
        ProcessInstance fionas = caseInClaimMonth(fiona, "CL-F1");
        ProcessInstance guss = caseInClaimMonth(gus, "CL-G1");
        clock.set(berlin(LocalDate.of(2027, 1, 18), 9, 0));
        runDueJobs(fionas);
        runDueJobs(guss);
        Task reminder = tasks.createTaskQuery().processInstanceId(fionas.getId())
                .taskDefinitionKey(InvoiceCollectionProcess.Activities.REMIND_CLIENT_OF_CLAIM).singleResult();
        Task gussReminder = tasks.createTaskQuery().processInstanceId(guss.getId())
                .taskDefinitionKey(InvoiceCollectionProcess.Activities.REMIND_CLIENT_OF_CLAIM).singleResult();
        assertThat(reminder.getAssignee()).isEqualTo(fiona);

        List<VEvent> events = eventsOf(fiona);

        assertThat(events).extracting(e -> e.getRequiredProperty(Property.UID).getValue())
                .containsExactly(reminder.getId() + "@collectflow");
        VEvent event = events.get(0);
        assertThat(event.getRequiredProperty(Property.SUMMARY).getValue()).isEqualTo(reminder.getName())
                .startsWith("Remind the client of the claim — " + fionas.getBusinessKey()).contains("Fabrikam; Ltd");
        DtStart<ZonedDateTime> start = event.getRequiredProperty(Property.DTSTART);
        assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("America/New_York");
        assertThat(start.getDate().toInstant()).as("when the weekly reminder comes, 09:00 in the company's zone")
                .isEqualTo(berlin(LocalDate.of(2027, 1, 18), 9, 0));
        assertThat(start.getDate().toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        assertThat(event.getRequiredProperty(Property.DESCRIPTION).getValue())
                .contains("Frank Fabri, Fabrikam; Ltd, +1 212 555 0100", fionas.getBusinessKey(), "CL-F1", "2027-02-11");
        assertThat(eventsOf(gus)).extracting(e -> e.getRequiredProperty(Property.UID).getValue())
                .as("another owner's feed holds their own reminder, not fiona's")
                .containsExactly(gussReminder.getId() + "@collectflow");
    }

    @Test
    void anotherUsersUnknownReplacedOrRevokedSecretOpensNothing() {
        String fiona = salesManager();
        String gus = salesManager();
        JsonNode fionasAddress = send(fiona, HttpMethod.GET, "/api/me/calendar-feed", null).getBody();
        JsonNode gussAddress = send(gus, HttpMethod.GET, "/api/me/calendar-feed", null).getBody();
        assertThat(feed(path(gussAddress)).getStatusCode()).isEqualTo(HttpStatus.OK);

        String fionasPath = path(fionasAddress);
        ResponseEntity<String> foreign = feed("/calendar/" + fiona + "/" + gussAddress.get("token").asText() + ".ics");
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody()).doesNotContain(fiona).doesNotContain("token");
        assertThat(feed("/calendar/" + fiona + "/" + "A".repeat(43) + ".ics").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(feed("/calendar/nobody/" + fionasAddress.get("token").asText() + ".ics").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode rotated = send(fiona, HttpMethod.POST, "/api/me/calendar-feed/rotation", null).getBody();
        assertThat(rotated.get("token").asText()).isNotEqualTo(fionasAddress.get("token").asText());
        assertThat(feed(fionasPath).getStatusCode()).as("replaced").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(feed(path(rotated)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(fiona, HttpMethod.GET, "/api/me/calendar-feed", null).getBody().get("token").asText())
                .as("the user sees the current secret").isEqualTo(rotated.get("token").asText());

        assertThat(send(fiona, HttpMethod.DELETE, "/api/me/calendar-feed", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(feed(path(rotated)).getStatusCode()).as("revoked").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(feed(path(gussAddress)).getStatusCode()).as("others' feeds go on").isEqualTo(HttpStatus.OK);
    }

    @Test
    void callSettingsOutsideWorkingHoursOrInAnUnknownZoneAreRefusedAndChangeNothing() {
        String fiona = salesManager();
        assertThat(send(fiona, HttpMethod.GET, "/api/me/call-settings", null).getBody().get("callTime").asText())
                .as("the company's default").isEqualTo("10:00");
        send(fiona, HttpMethod.PUT, "/api/me/call-settings", "{\"timeZone\": \"Europe/Kyiv\", \"callTime\": \"11:00\"}");

        ResponseEntity<JsonNode> early = send(fiona, HttpMethod.PUT, "/api/me/call-settings",
                "{\"timeZone\": \"Europe/Kyiv\", \"callTime\": \"06:30\"}");
        ResponseEntity<JsonNode> nowhere = send(fiona, HttpMethod.PUT, "/api/me/call-settings",
                "{\"timeZone\": \"Mars/Olympus_Mons\", \"callTime\": \"25:00\"}");

        assertProblem(early, "callTime");
        assertThat(early.getBody().get("detail").asText()).contains("working hours");
        assertProblem(nowhere, "timeZone");
        assertProblem(nowhere, "callTime");
        JsonNode kept = send(fiona, HttpMethod.GET, "/api/me/call-settings", null).getBody();
        assertThat(kept.get("timeZone").asText()).isEqualTo("Europe/Kyiv");
        assertThat(kept.get("callTime").asText()).isEqualTo("11:00");
        assertThat(http.getForEntity("/api/me/call-settings", String.class).getStatusCode())
                .as("the API needs a login").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anUnknownClientLanguageIsRefusedAndNothingIsStored() {
        String clientId = "lang-" + newInvoiceNumber().toLowerCase();
        ResponseEntity<JsonNode> refused = send("fred", HttpMethod.PUT, "/api/clients/" + clientId,
                "{\"name\": \"Acme\", \"language\": \"xx\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(refused, "language");
        assertThat(refused.getBody().get("detail").asText()).contains("en, ru, uk");
        assertThat(send("fred", HttpMethod.GET, "/api/clients/" + clientId, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send("fred", HttpMethod.PUT, "/api/clients/" + clientId,
                "{\"name\": \"Acme\", \"language\": \"uk\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void financeOrTheClientsHeadOfSalesBlockRemindersWithAReasonAndAnEndDate() {
        String clientId = "blk-" + newInvoiceNumber().toLowerCase();
        send("fred", HttpMethod.PUT, "/api/clients/" + clientId, "{\"name\": \"Acme\", \"owner\": \"mia\"}");
        String path = "/api/clients/" + clientId + "/reminder-block";

        assertProblem(send("sam", HttpMethod.PUT, path, "{\"reason\": \" \", \"endsOn\": \"2027-01-10\"}"), "reason");
        assertProblem(send("sam", HttpMethod.PUT, path, "{\"reason\": \"quiet\", \"endsOn\": \"2027-01-10\"}"), "endsOn");
        assertProblem(send("sam", HttpMethod.PUT, path, "{\"reason\": \"quiet\", \"endsOn\": \"soon\"}"), "endsOn");
        assertThat(send("mia", HttpMethod.PUT, path, "{\"reason\": \"quiet\", \"endsOn\": \"2027-02-01\"}")
                .getStatusCode()).as("the owner may not block").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send("hugo", HttpMethod.PUT, path, "{\"reason\": \"quiet\", \"endsOn\": \"2027-02-01\"}")
                .getStatusCode()).as("another team's head may not block").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send("fred", HttpMethod.GET, path, null).getStatusCode()).as("nothing stored")
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> blocked = send("sam", HttpMethod.PUT, path,
                "{\"reason\": \"CEO asked for two weeks' quiet\", \"endsOn\": \"2027-01-25\"}");
        assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode block = send("mia", HttpMethod.GET, path, null).getBody();
        assertThat(block.get("setBy").asText()).isEqualTo("sam");
        assertThat(block.get("endsOn").asText()).isEqualTo("2027-01-25");
        assertThat(block.get("reason").asText()).isEqualTo("CEO asked for two weeks' quiet");

        assertThat(send("fred", HttpMethod.DELETE, path, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(send("fred", HttpMethod.GET, path, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send("fred", HttpMethod.DELETE, path, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode().is4xxClientError()).as(String.valueOf(response.getBody())).isTrue();
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
    }
}
