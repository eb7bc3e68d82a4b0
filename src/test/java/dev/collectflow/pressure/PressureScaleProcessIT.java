package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Activities.*;
import static dev.collectflow.pressure.PressureScaleProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.collectflow.CollectionTestSupport;
import dev.collectflow.DueJobs;
import dev.collectflow.MailText;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ReminderBlocks;
import dev.collectflow.collection.CaseTaskContext;
import dev.collectflow.collection.DailyTaskRefresh;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.staff.CallPreferences;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pressure scale beside real cases: steps planned by the deployed table, waited for on the clock, checked and
 * taken; time is moved and jobs are executed by the test. The clock starts on Monday 2027-01-11, 10:00 in Berlin.
 */
class PressureScaleProcessIT extends CollectionTestSupport {

    /** A Friday: the friendly reminder is due on Tuesday the 12th, level 1 on Monday the 18th, the call on the 20th. */
    private static final LocalDate FRIDAY_DUE = LocalDate.of(2027, 1, 15);

    @Autowired ReminderBlocks blocks;
    @Autowired CallPreferences preferences;
    @Autowired DailyTaskRefresh dailyRefresh;
    @Autowired RepositoryService repository;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
    @Autowired dev.collectflow.management.KeyClientDecisions keyClientDecisions;

    private String client(String owner, String language, boolean keyClient) {
        String id = "p-" + newInvoiceNumber().toLowerCase();
        clients.save(id, new ClientDetails("Client " + id, "ap@" + id + ".example", "+49 30 555", "Alice Archer", owner,
                keyClient, language));
        return id;
    }

    private ProcessInstance register(String clientId, LocalDate dueDate, String amount) {
        String number = newInvoiceNumber();
        cases.register(new InvoiceData(number, clientId, new BigDecimal(amount), "EUR", dueDate.minusDays(30), dueDate),
                "fred");
        return cases.instance(number).orElseThrow();
    }

    private ProcessInstance scaleOf(ProcessInstance caseInstance) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PressureScaleProcess.KEY)
                .processInstanceBusinessKey(caseInstance.getBusinessKey()).singleResult();
    }

    /** Moves the clock and runs what is due for the case and its scale. */
    private void at(Instant moment, ProcessInstance... cases) {
        clock.set(moment);
        for (ProcessInstance instance : cases) {
            runDueJobs(instance);
            ProcessInstance scale = scaleOf(instance);
            if (scale != null) {
                DueJobs.run(management, scale.getId());
            }
        }
    }

    /** Takes the case's scale through the friendly mail (Tuesday) to the owner's first call (Monday the 18th). */
    private void untilTheFirstCall(ProcessInstance instance) {
        at(START, instance);
        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), instance);
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
    }

    private static Instant berlin(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    private Date nextStepAt(ProcessInstance scale) {
        Job timer = management.createJobQuery().processInstanceId(scale.getId()).timers().singleResult();
        return timer == null ? null : timer.getDuedate();
    }

    private Task scaleTask(ProcessInstance scale, String key) {
        return tasks.createTaskQuery().processInstanceId(scale.getId()).taskDefinitionKey(key).singleResult();
    }

    private void completeTask(String userId, Task task, Map<String, Object> variables) {
        identity.setAuthentication(userId, List.of("sales"));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<MimeMessage> mailsTo(String clientId) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> Arrays.toString(recipients(m)).contains("ap@" + clientId + ".example")).toList();
    }

    private static String[] recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toArray(String[]::new);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }



    private List<String> skipped(ProcessInstance instance) {
        return history(instance).stream().filter(e -> e.getType() == CaseEventType.PRESSURE_STEP_SKIPPED)
                .map(CaseEvent::getDetail).toList();
    }

    @Test
    void stepsComeInOrderOnTheirWorkingDaysAtTheirTimes() throws Exception {
        String clientId = client("mia", "en", false);
        ProcessInstance instance = register(clientId, FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        at(START, instance);

        assertThat(scale).isWaitingAt(STEP_TIME_REACHED);
        assertThat(nextStepAt(scale)).as("friendly reminder, three working days before the due date, 09:00")
                .isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 12), 9, 0)));
        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), instance);
        assertThat(mailsTo(clientId)).extracting(CollectionTestSupport::subject)
                .containsExactly("Friendly reminder: invoice " + instance.getBusinessKey() + " is due on January 15, 2027");
        assertThat(lastEvent(instance, CaseEventType.CLIENT_REMINDER_SENT).getDetail()).contains("in en");

        assertThat(nextStepAt(scale)).as("level 1 on the first working day after the due date (over the weekend)")
                .isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 18), 9, 0)));
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
        Task reminder = scaleTask(scale, REMIND_OWNER);
        assertThat(reminder.getAssignee()).isEqualTo("mia");
        assertThat(reminder.getName()).isEqualTo("Call the contact (friendly first call) — " + instance.getBusinessKey()
                + ", Client " + clientId);
        assertThat(reminder.getDueDate()).isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 18), 9, 0)));
        assertThat(tasks.getVariableLocal(reminder.getId(), "pressureContact")).isEqualTo("Alice Archer, +49 30 555");

        assertThat(nextStepAt(scale)).as("level 2: the call, three working days after the due date at 10:00")
                .isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 20), 10, 0)));
        at(berlin(LocalDate.of(2027, 1, 20), 10, 0), instance);
        Task call = scaleTask(scale, CALL_CLIENT);
        assertThat(call.getAssignee()).isEqualTo("mia");
        assertThat(call.getDueDate()).isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 20), 10, 0)));
        assertThat(tasks.getVariableLocal(call.getId(), "pressureCallTime")).isEqualTo("Wed 2027-01-20 10:00 (Europe/Berlin)");

        completeTask("mia", reminder, Map.of(REMINDER_NOTE, "Invoice was lost in their approval workflow"));
        completeTask("mia", call, Map.of(CALL_RESULT, "REACHED", CALL_CONTACT, "Alice Archer",
                CALL_AGREEMENT, "pays half on Friday"));
        assertThat(lastEvent(instance, CaseEventType.OWNER_REMINDER_DONE).getDetail()).contains("approval workflow");
        CaseEvent called = lastEvent(instance, CaseEventType.CALL_MADE);
        assertThat(called.getActor()).isEqualTo("mia");
        assertThat(called.getDetail()).isEqualTo("Reached Alice Archer; agreed: pays half on Friday");

        assertThat(nextStepAt(scale)).as("final warning six working days after the due date")
                .isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 25), 9, 0)));
        at(berlin(LocalDate.of(2027, 1, 25), 9, 0), instance);
        // negotiation started on Monday the 18th: ten days, then legal on the 29th
        assertThat(mailsTo(clientId)).extracting(CollectionTestSupport::subject).contains(
                "Final notice: invoice " + instance.getBusinessKey() + " goes to our lawyers on January 29, 2027");
        assertThat(scale).hasPassed(END_SCALE_COMPLETED).isEnded();
        assertThat(skipped(instance)).isEmpty();
    }

    @Test
    void theCallIsAtTheOwnersCallTimeInTheOwnersTimeZone() {
        preferences.set("otto", "Europe/Kyiv", "11:30");
        ProcessInstance instance = register(client("otto", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        at(START, instance);
        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), instance);
        assertThat(nextStepAt(scale)).as("level 1 at 09:00 in Kyiv")
                .isEqualTo(Date.from(LocalDate.of(2027, 1, 18).atTime(9, 0).atZone(ZoneId.of("Europe/Kyiv")).toInstant()));
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);

        assertThat(nextStepAt(scale)).isEqualTo(Date.from(
                LocalDate.of(2027, 1, 20).atTime(11, 30).atZone(ZoneId.of("Europe/Kyiv")).toInstant()));
    }

    @Test
    void stepsNeverFallOnWeekendsOrHolidays() {
        // due Thursday before Easter 2027: Good Friday, the weekend and Easter Monday are no working days
        ProcessInstance instance = register(client("mia", "en", false), LocalDate.of(2027, 3, 25), "1000.00");
        ProcessInstance scale = scaleOf(instance);
        at(START, instance);
        assertThat(nextStepAt(scale)).isEqualTo(Date.from(berlin(LocalDate.of(2027, 3, 22), 9, 0)));

        at(berlin(LocalDate.of(2027, 3, 22), 9, 0), instance);
        assertThat(nextStepAt(scale)).as("level 1 on the Tuesday after Easter")
                .isEqualTo(Date.from(berlin(LocalDate.of(2027, 3, 30), 9, 0)));
        at(berlin(LocalDate.of(2027, 3, 30), 9, 0), instance);
        assertThat(nextStepAt(scale)).as("the call on Thursday, in summer time")
                .isEqualTo(Date.from(Instant.parse("2027-04-01T08:00:00Z")));
        for (LocalDate day = LocalDate.of(2027, 3, 22); day.isBefore(LocalDate.of(2027, 4, 2)); day = day.plusDays(1)) {
            LocalDate d = day;
            assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).list())
                    .noneMatch(t -> t.getDueDate().toInstant().atZone(BERLIN).toLocalDate().equals(d)
                            && List.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29)).contains(d));
        }
    }

    @Test
    void stepsWhoseTimePassedAreNotTakenLateInABurst() {
        String clientId = client("mia", "en", false);
        ProcessInstance instance = register(clientId, FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);

        // nothing ran until Thursday after the due date: the reminder, level 1 and the call are past
        at(berlin(LocalDate.of(2027, 1, 21), 12, 0), instance);

        assertThat(mailsTo(clientId)).isEmpty();
        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).isZero();
        assertThat(skipped(instance)).hasSize(3).allMatch(detail -> detail.contains("had passed"));
        assertThat(nextStepAt(scale)).isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 25), 9, 0)));
    }

    @Test
    void aStepWokenLateIsSkippedAndTheNextOneWaitsForItsTime() {
        String clientId = client("mia", "en", false);
        ProcessInstance instance = register(clientId, FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        at(START, instance);

        // the job executor was down from Tuesday until Thursday of the next week
        at(berlin(LocalDate.of(2027, 1, 21), 12, 0), instance);

        assertThat(mailsTo(clientId)).isEmpty();
        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).isZero();
        assertThat(skipped(instance)).hasSize(3);
        assertThat(skipped(instance).get(0)).contains("friendly reminder", "passed while the scale could not run");
        assertThat(nextStepAt(scale)).isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 25), 9, 0)));
    }

    @Test
    void paymentStopsTheScaleAndClosesItsOpenTasks() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        untilTheFirstCall(instance);
        assertThat(scaleTask(scale, REMIND_OWNER)).isNotNull();

        pay(instance, "1000.00");

        assertThat(scale).hasPassed(END_SCALE_STOPPED).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).isZero();
    }

    @Test
    void theOpenCallShowsAPartialPaymentAtOnceAndItsDaysOverdueMoveAtMidnight() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        untilTheFirstCall(instance);
        String callId = scaleTask(scale, REMIND_OWNER).getId();
        assertThat(tasks.getVariableLocal(callId, CaseTaskContext.DAYS_OVERDUE)).isEqualTo(3L);

        pay(instance, "400.00");
        assertThat(tasks.getVariableLocal(callId, CaseTaskContext.OPEN_AMOUNT)).isEqualTo("600.00 EUR");

        clock.set(berlin(LocalDate.of(2027, 1, 19), 0, 1));
        dailyRefresh.refreshAll();
        assertThat(tasks.getVariableLocal(callId, CaseTaskContext.DAYS_OVERDUE)).isEqualTo(4L);
    }

    @Test
    void anInvoicePaidBeforeTheScaleRanEndsItToo() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);

        pay(instance, "1000.00");

        assertThat(scale).isEnded();
    }

    @Test
    void aCaseThatGoesToLegalStopsTheScaleAtOnceAndItsOpenReminderCloses() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        untilTheFirstCall(instance);
        assertThat(scaleTask(scale, REMIND_OWNER)).isNotNull();

        completeAs("mia", instance, Map.of(InvoiceCollectionProcess.Variables.NEGOTIATION_OUTCOME, "NO_AGREEMENT",
                InvoiceCollectionProcess.Variables.NEGOTIATION_NOTE, "refuses to pay"));

        assertThat(instance).isWaitingAt(InvoiceCollectionProcess.Activities.SEND_CLAIM);
        assertThat(scale).hasPassed(END_SCALE_STOPPED).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).as("the reminder closed").isZero();
        CaseEvent stopped = lastEvent(instance, CaseEventType.PRESSURE_SCALE_STOPPED);
        assertThat(stopped.getDetail()).isEqualTo("No more reminders or calls: the case was handed over to legal");
        assertThat(stopped.getActor()).isEqualTo(dev.collectflow.audit.AuditTrail.SYSTEM);
    }

    @Test
    void anOpenCallVanishesWhenTheNegotiationPeriodPassesAndTheCaseGoesToLegal() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        untilTheFirstCall(instance);
        at(berlin(LocalDate.of(2027, 1, 20), 10, 0), instance);
        at(berlin(LocalDate.of(2027, 1, 25), 9, 0), instance);
        assertThat(scaleTask(scale, CALL_CLIENT)).as("the call, left open").isNotNull();
        assertThat(scale).as("the scale has no step left but waits for its open tasks")
                .hasPassed(END_SCALE_COMPLETED).isNotEnded();

        // negotiation started on Monday the 18th: its ten days end at midnight after the 28th
        at(berlin(LocalDate.of(2027, 1, 29), 0, 5), instance);

        assertThat(instance).hasPassed(InvoiceCollectionProcess.Activities.NEGOTIATION_PERIOD_PASSED,
                InvoiceCollectionProcess.Activities.HAND_OVER_TO_LEGAL)
                .isWaitingAt(InvoiceCollectionProcess.Activities.SEND_CLAIM);
        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).as("call and reminder closed")
                .isZero();
        assertThat(scale).hasPassed(END_SCALE_STOPPED).isEnded();
    }

    @Test
    void aCaseThatEndsOtherwiseThanByPaymentStopsTheScaleAtOnce() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        untilTheFirstCall(instance);
        assertThat(scaleTask(scale, REMIND_OWNER)).isNotNull();
        completeAs("mia", instance, Map.of(InvoiceCollectionProcess.Variables.NEGOTIATION_OUTCOME, "DISPUTE",
                InvoiceCollectionProcess.Variables.DISPUTE_REASON, "never delivered"));
        assertThat(scale).as("a dispute is still negotiation").isNotEnded();

        completeAs("fred", instance, Map.of(InvoiceCollectionProcess.Variables.DISPUTE_DECISION, "JUSTIFIED",
                InvoiceCollectionProcess.Variables.AMOUNT_OWED, 0,
                InvoiceCollectionProcess.Variables.RESOLUTION_NOTE, "goods never shipped"));

        assertThat(instance).hasPassed(InvoiceCollectionProcess.Activities.END_INVOICE_CANCELLED).isEnded();
        assertThat(scale).hasPassed(END_SCALE_STOPPED).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).isZero();
        assertThat(lastEvent(instance, CaseEventType.PRESSURE_SCALE_STOPPED).getDetail())
                .isEqualTo("No more reminders or calls: the case ended");
    }

    @Test
    void anOperatorCancellingTheCaseStopsTheScale() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        at(START, instance);

        runtime.deleteProcessInstance(instance.getId(), "registered by mistake");

        assertThat(scale).hasPassed(END_SCALE_STOPPED).isEnded();
        assertThat(lastEvent(instance, CaseEventType.PRESSURE_SCALE_STOPPED).getDetail())
                .isEqualTo("No more reminders or calls: the case was cancelled");
    }

    @Test
    void aBlockedClientGetsNoMailsAndNoCallsAndOpenCallsClose() {
        String clientId = client("mia", "en", false);
        ProcessInstance instance = register(clientId, FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        at(START, instance);
        blocks.set(clientId, "Insolvency administrator asked us to write only to him", LocalDate.of(2027, 1, 18), "fred");
        assertThat(lastEvent(instance, CaseEventType.REMINDER_BLOCK_SET).getDetail()).contains("until 2027-01-18");

        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), instance);
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);

        assertThat(mailsTo(clientId)).isEmpty();
        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).isZero();
        assertThat(skipped(instance)).hasSize(2).allMatch(detail -> detail.contains("blocked until 2027-01-18"));
        assertThat(lastEvent(instance, CaseEventType.OVERDUE).getType()).as("the regulation's deadlines go on")
                .isEqualTo(CaseEventType.OVERDUE);

        // the block has ended: the call comes; a new block takes it out of the manager's calendar
        at(berlin(LocalDate.of(2027, 1, 20), 10, 0), instance);
        assertThat(scaleTask(scale, CALL_CLIENT)).isNotNull();
        blocks.set(clientId, "Dispute with the CEO", LocalDate.of(2027, 2, 28), "sam");
        assertThat(scale).hasPassed(END_CALL_WITHDRAWN);
        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).isZero();
    }

    @Test
    void anOpenReminderFollowsTheClientsNewOwnerAndTheFormerOwnerCanNoLongerCompleteIt() {
        String clientId = client("mia", "en", false);
        ProcessInstance instance = register(clientId, FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        untilTheFirstCall(instance);
        Task reminder = scaleTask(scale, REMIND_OWNER);
        assertThat(reminder.getAssignee()).isEqualTo("mia");

        ClientDetails details = clients.get(clientId).details();
        clients.save(clientId, new ClientDetails(details.name(), details.email(), details.phone(),
                details.contactPerson(), "otto", false, details.language()), "sam");
        runDueJobs(instance);

        assertThat(scaleTask(scale, REMIND_OWNER).getAssignee()).isEqualTo("otto");
        assertThatThrownBy(() -> completeTask("mia", reminder, Map.of(REMINDER_NOTE, "Called them")))
                .isInstanceOf(AuthorizationException.class);
        completeTask("otto", reminder, Map.of(REMINDER_NOTE, "Called them"));
        assertThat(scaleTask(scale, REMIND_OWNER)).isNull();
    }

    @Test
    void aBlockWithdrawsAnOpenReminderAndLiftingItLetsStepsGoOutAgain() {
        String clientId = client("mia", "en", false);
        ProcessInstance instance = register(clientId, FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        untilTheFirstCall(instance);
        assertThat(scaleTask(scale, REMIND_OWNER)).isNotNull();

        blocks.set(clientId, "Client asked for a week's quiet", LocalDate.of(2027, 1, 31), "fred");
        assertThat(scale).hasPassed(END_REMINDER_WITHDRAWN);
        blocks.lift(clientId, "fred");
        assertThat(lastEvent(instance, CaseEventType.REMINDER_BLOCK_LIFTED).getActor()).isEqualTo("fred");

        at(berlin(LocalDate.of(2027, 1, 20), 10, 0), instance);
        assertThat(scaleTask(scale, CALL_CLIENT)).isNotNull();
    }

    @Test
    void clientMailsAreInTheClientsLanguageWithTheCompanysSenderAndReplyTo() throws Exception {
        // subject of the friendly reminder, of the final warning; the open amount and the due date in the body
        Map<String, List<String>> expected = Map.of(
                "en", List.of("Friendly reminder: invoice %s is due on January 15, 2027",
                        "Final notice: invoice %s goes to our lawyers on January 29, 2027", "€1,234.50",
                        "January 15, 2027", "14</b> days of extra time"),
                "ru", List.of("Напоминание: срок оплаты счёта %s — 15 января 2027 г.",
                        "Последнее уведомление: 29 января 2027 г. счёт %s передаётся юристам", "1\u00a0234,50\u00a0€",
                        "15 января 2027 г.", "14</b> дн. отсрочки"),
                "uk", List.of("Нагадування: строк оплати рахунку %s — 15 січня 2027 р.",
                        "Останнє повідомлення: 29 січня 2027 р. рахунок %s передається юристам",
                        "1\u00a0234,50\u00a0EUR", "15 січня 2027 р.", "14</b> дн. відстрочки"));
        Map<String, ProcessInstance> byLanguage = new java.util.HashMap<>();
        Map<String, String> clientByLanguage = new java.util.HashMap<>();
        for (String language : expected.keySet()) {
            String clientId = client("mia", language, true);
            keyClientDecisions.forgive(clientId, "EARLIER-" + clientId, 14, "dora", "strategic partner");
            clientByLanguage.put(language, clientId);
            byLanguage.put(language, register(clientId, FRIDAY_DUE, "1234.50"));
        }
        ProcessInstance[] all = byLanguage.values().toArray(ProcessInstance[]::new);
        at(START, all);
        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), all);
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), all);
        // key clients: management applies the standard regulation; negotiation runs from the 18th, legal on the 29th
        for (ProcessInstance instance : all) {
            completeAs("dora", instance, Map.of(InvoiceCollectionProcess.Variables.KEY_CLIENT_DECISION, "STANDARD",
                    InvoiceCollectionProcess.Variables.KEY_CLIENT_REASON, "no exception"));
        }
        at(berlin(LocalDate.of(2027, 1, 20), 10, 0), all);
        at(berlin(LocalDate.of(2027, 1, 25), 9, 0), all);

        for (var entry : expected.entrySet()) {
            String language = entry.getKey();
            ProcessInstance instance = byLanguage.get(language);
            String number = instance.getBusinessKey();
            List<MimeMessage> mails = mailsTo(clientByLanguage.get(language));
            assertThat(mails).extracting(CollectionTestSupport::subject).as(language).containsExactly(
                    entry.getValue().get(0).formatted(number), entry.getValue().get(1).formatted(number));
            String reminder = MailText.of(mails.get(0));
            assertThat(reminder).as(language).contains(entry.getValue().get(2), entry.getValue().get(3),
                    entry.getValue().get(4), "Alice Archer", "CollectFlow Demo GmbH");
            assertThat(MailText.of(mails.get(1))).as(language)
                    .contains(entry.getValue().get(2), entry.getValue().get(4));
            InternetAddress from = (InternetAddress) mails.get(0).getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("accounts@collectflow.local");
            assertThat(from.getPersonal()).isEqualTo("CollectFlow Demo GmbH");
            assertThat(mails.get(0).getReplyTo()[0].toString()).isEqualTo("accounts@collectflow.local");
            assertThat(lastEvent(instance, CaseEventType.CLIENT_REMINDER_SENT).getDetail())
                    .contains("in " + language, "mentions 14 days forgiven");
            assertThat(lastEvent(instance, CaseEventType.FINAL_WARNING_SENT).getDetail()).contains("in " + language);
        }
    }

    @Test
    void aClientWithoutTemplatesInItsLanguageGetsEnglish() throws Exception {
        String clientId = client("mia", "de", false);
        ProcessInstance instance = register(clientId, FRIDAY_DUE, "1234.50");
        at(START, instance);
        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), instance);

        MimeMessage mail = mailsTo(clientId).get(0);
        assertThat(subject(mail)).startsWith("Friendly reminder");
        assertThat(MailText.of(mail)).contains("€1,234.50", "January 15, 2027");
    }

    @Test
    void aChangedTableDeployedLaterPlansTheStepsFromThenOnWithoutCodeChanges() throws Exception {
        ProcessInstance before = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        at(START, before);
        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), before);
        Date levelOneBefore = nextStepAt(scaleOf(before));

        String table = Files.readString(Path.of("bpmn", "PressureScale.dmn"));
        String changed = table
                .replace("<outputEntry id=\"Rule_Call_Out2\">\n          <text>3</text>",
                        "<outputEntry id=\"Rule_Call_Out2\">\n          <text>2</text>")
                .replace("<outputEntry id=\"Rule_Call_Out3\">\n          <text>\"\"</text>",
                        "<outputEntry id=\"Rule_Call_Out3\">\n          <text>\"09:30\"</text>");
        assertThat(changed).as("the call rule was changed").contains("<text>2</text>", "<text>\"09:30\"</text>");
        try {
            repository.createDeployment().name("pressure scale: call on day 2 at 09:30")
                    .addString("PressureScale.dmn", changed).deploy();

            ProcessInstance after = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
            at(berlin(LocalDate.of(2027, 1, 12), 9, 0), after);
            at(berlin(LocalDate.of(2027, 1, 18), 9, 0), before, after);

            assertThat(levelOneBefore).as("a step planned earlier keeps its time")
                    .isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 18), 9, 0)));
            assertThat(nextStepAt(scaleOf(after))).as("the new table: the call on day 2 at 09:30")
                    .isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 19), 9, 30)));
            assertThat(nextStepAt(scaleOf(before))).as("also for the case that started before, from now on")
                    .isEqualTo(Date.from(berlin(LocalDate.of(2027, 1, 19), 9, 30)));
        } finally {
            try (InputStream original = Files.newInputStream(Path.of("bpmn", "PressureScale.dmn"))) {
                repository.createDeployment().name("pressure scale as in bpmn/")
                        .addInputStream("PressureScale.dmn", original).deploy();
            }
        }
    }

    @Test
    void callAndReminderTasksAreCheckedOnTheServerAsStrictlyAsTheirForms() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        untilTheFirstCall(instance);
        at(berlin(LocalDate.of(2027, 1, 20), 10, 0), instance);
        String call = scaleTask(scale, CALL_CLIENT).getId();
        String reminder = scaleTask(scale, REMIND_OWNER).getId();

        var refused = rest.withBasicAuth("mia", "secret").postForEntity("/engine-rest/task/" + call + "/complete",
                Map.of("variables", Map.of(CALL_RESULT, Map.of("value", "REACHED"), CALL_CONTACT, Map.of("value", "Alice"))),
                com.fasterxml.jackson.databind.JsonNode.class);
        var empty = rest.withBasicAuth("mia", "secret").postForEntity("/engine-rest/task/" + reminder + "/submit-form",
                Map.of("variables", Map.of()), com.fasterxml.jackson.databind.JsonNode.class);
        var notReached = rest.withBasicAuth("mia", "secret").postForEntity("/engine-rest/task/" + call + "/complete",
                Map.of("variables", Map.of(CALL_RESULT, Map.of("value", "NOT_REACHED"))),
                com.fasterxml.jackson.databind.JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("message").asText()).contains("callAgreement is required");
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().get("message").asText()).contains("reminderNote is required");
        assertThat(scaleTask(scale, REMIND_OWNER)).isNotNull();
        assertThat(notReached.getStatusCode().value()).isEqualTo(204);
        assertThat(lastEvent(instance, CaseEventType.CALL_MADE).getDetail()).isEqualTo("Nobody reached");
    }

    @Test
    void noPressureWhileManagementHasForgivenAKeyClientTheOverdue() {
        String clientId = client("mia", "en", true);
        ProcessInstance instance = register(clientId, FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        at(START, instance);
        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), instance);
        at(berlin(LocalDate.of(2027, 1, 16), 9, 0), instance);
        completeAs("dora", instance, Map.of(InvoiceCollectionProcess.Variables.KEY_CLIENT_DECISION, "FORGIVE",
                InvoiceCollectionProcess.Variables.FORGIVEN_DAYS, 10,
                InvoiceCollectionProcess.Variables.KEY_CLIENT_REASON, "year-end budget"));

        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
        at(berlin(LocalDate.of(2027, 1, 20), 10, 0), instance);

        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).isZero();
        assertThat(skipped(instance)).hasSize(2).allMatch(detail -> detail.contains("forgave"));
    }

    @Test
    void noRemindersOrCallsWhileTheClientsPromiseIsWatched() {
        ProcessInstance instance = register(client("mia", "en", false), FRIDAY_DUE, "1000.00");
        ProcessInstance scale = scaleOf(instance);
        at(START, instance);
        at(berlin(LocalDate.of(2027, 1, 12), 9, 0), instance);
        at(berlin(LocalDate.of(2027, 1, 16), 9, 0), instance);
        completeAs("mia", instance, Map.of(InvoiceCollectionProcess.Variables.NEGOTIATION_OUTCOME, "PROMISE",
                InvoiceCollectionProcess.Variables.PROMISED_DATE, "2027-01-29"));

        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
        at(berlin(LocalDate.of(2027, 1, 20), 10, 0), instance);

        assertThat(tasks.createTaskQuery().processInstanceId(scale.getId()).count()).isZero();
        assertThat(skipped(instance)).hasSize(2).allMatch(detail -> detail.contains("promised to pay"));
    }
}
