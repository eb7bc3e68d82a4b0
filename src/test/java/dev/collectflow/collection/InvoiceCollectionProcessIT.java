package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.MailText;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.invoice.InvoiceStatus;
import dev.collectflow.system.ConflictException;
import dev.collectflow.system.Groups;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of the regulation, one test each, on the real application with time moved by the tests. */
class InvoiceCollectionProcessIT extends CollectionTestSupport {

    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired DailyTaskRefresh dailyRefresh;

    private ProcessInstance inNegotiationWithMia() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT).task().isAssignedTo("mia");
        return instance;
    }

    private ProcessInstance atLegal(boolean keyClient) {
        ProcessInstance instance = overdueInvoice(client("mia", keyClient));
        if (keyClient) {
            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "STANDARD", KEY_CLIENT_REASON, "no exception"));
        }
        completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "NO_AGREEMENT", NEGOTIATION_NOTE, "refuses to pay"));
        assertThat(instance).isWaitingAt(SEND_CLAIM);
        return instance;
    }

    /** A case whose claim was sent today and whose month has passed. */
    private ProcessInstance afterClaimPeriod(boolean keyClient) {
        ProcessInstance instance = atLegal(keyClient);
        tasks.claim(openTask(instance).getId(), "lena");
        completeAs("lena", instance, Map.of(CLAIM_NUMBER, "CL-1", CLAIM_SENT_ON, TODAY.toString()));
        travel(Duration.ofDays(32));
        runDueJobs(instance);
        return instance;
    }

    private boolean canRead(String user, ProcessInstance instance) {
        ResponseEntity<JsonNode> found = http.withBasicAuth(user, "secret").getForEntity(
                "/engine-rest/process-instance?processInstanceIds=" + instance.getId(), JsonNode.class);
        assertThat(found.getStatusCode()).as(user + " may ask").isEqualTo(HttpStatus.OK);
        return found.getBody().findValuesAsText("id").contains(instance.getId());
    }

    /** The HTML of the one mail about this case whose subject starts with the given words, white space collapsed. */
    private String mailText(ProcessInstance instance, String subjectStart) throws Exception {
        List<MimeMessage> mails = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).startsWith(subjectStart) && subject(m).contains(instance.getBusinessKey()))
                .toList();
        // GreenMail keeps a copy per recipient: one mail is one Message-ID
        assertThat(mails.stream().map(InvoiceCollectionProcessIT::messageId).distinct()).hasSize(1);
        return MailText.of(mails.get(0)).replaceAll("\\s+", " ");
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }


    @Nested
    class BeforeTheDueDate {

        @Test
        void waitsForTheEndOfTheDueDate() {
            ProcessInstance instance = invoice(client("mia", false), TODAY.plusDays(10));

            assertThat(instance).isWaitingAt(DUE_DATE_PASSED);
            assertThat(timer(instance).getDuedate()).isEqualTo(endOf(TODAY.plusDays(10)));
            assertThat(cases.stage(instance.getBusinessKey())).isEqualTo(CaseStage.NOT_DUE);
        }

        @Test
        void paidBeforeTheDueDateEndsTheCaseWithoutBotheringAnyone() {
            ProcessInstance instance = invoice(client("mia", false), TODAY.plusDays(10));

            pay(instance, "1000.00");
            runDueJobs(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
            assertThat(invoiceOf(instance).getStatus()).isEqualTo(InvoiceStatus.PAID);
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Nested
    class Overdue {

        @Test
        void dueDatePassedGoesToTheOwnerAndTellsOwnerAndHead() throws Exception {
            ProcessInstance instance = invoice(client("mia", false), TODAY);
            runDueJobs(instance);
            assertThat(instance).isWaitingAt(DUE_DATE_PASSED);

            travel(Duration.ofDays(1));
            runDueJobs(instance);

            assertThat(instance).hasPassed(CONFIRM_OPEN_AMOUNT, NOTIFY_OVERDUE).isWaitingAt(NEGOTIATE_PAYMENT);
            Task negotiation = openTask(instance);
            assertThat(negotiation.getAssignee()).isEqualTo("mia");
            assertThat(negotiation.getName()).isEqualTo("Negotiate payment — " + instance.getBusinessKey()
                    + ", Client " + invoiceOf(instance).getClientId());
            assertThat(negotiation.getDueDate()).isEqualTo(endOf(TODAY.plusDays(1).plusDays(10)));
            assertThat(invoiceOf(instance).getStatus()).isEqualTo(InvoiceStatus.OVERDUE);
            assertThat(mailedTo(instance, "Overdue")).containsExactly("mia@test.local", "sam@test.local");
            // the notice and the form name the day the negotiation's deadline ends, as the regulation counts it
            assertThat(mailText(instance, "Overdue")).contains("has until the end of <b>Friday, January 22, 2027</b>",
                    "(<span>10 days</span>)", "goes to the lawyers on <b>Saturday, January 23, 2027</b>");
            assertThat(tasks.getVariableLocal(negotiation.getId(), CaseTaskContext.NEGOTIATION_LAST_DAY))
                    .isEqualTo("Friday 2027-01-22");
        }

        @Test
        void clientWithoutOwnerIsAssignedByAHeadOfSales() {
            String clientId = client(null, false);
            ProcessInstance instance = overdueInvoice(clientId);

            assertThat(instance).isWaitingAt(ASSIGN_CLIENT_OWNER);
            assertThat(openTask(instance)).hasCandidateGroup("salesheads");
            assertThat(mailedTo(instance, "Overdue")).isEmpty();

            completeAs("sam", instance, Map.of(SALES_MANAGER, "max"));

            assertThat(clients.get(clientId).getOwner()).isEqualTo("max");
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT).task().isAssignedTo("max");
            assertThat(mailedTo(instance, "Overdue")).containsExactly("max@test.local", "sam@test.local");
            assertThat(lastEvent(instance, CaseEventType.OWNER_ASSIGNED).getActor()).isEqualTo("sam");
        }

        @Test
        void anOwnerMustBeASalesManager() {
            ProcessInstance instance = overdueInvoice(client(null, false));

            assertThatThrownBy(() -> completeAs("sam", instance, Map.of(SALES_MANAGER, "lena")))
                    .hasStackTraceContaining("salesManager must be a member of the sales group");
            assertThat(instance).isWaitingAt(ASSIGN_CLIENT_OWNER);
        }
    }

    @Nested
    class Negotiation {

        @Test
        void fullPaymentEndsTheCaseCancelsTheTaskAndTellsThoseInvolved() {
            ProcessInstance instance = inNegotiationWithMia();

            pay(instance, "1000.00");
            runDueJobs(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
            assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(mailedTo(instance, "Paid")).containsExactly("mia@test.local");
        }

        @Test
        void promiseKeptEndsTheCaseWhenPaid() {
            ProcessInstance instance = inNegotiationWithMia();

            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "PROMISE", PROMISED_DATE, TODAY.plusDays(5).toString()));

            assertThat(instance).isWaitingAt(PROMISED_DATE_PASSED);
            assertThat(timer(instance).getDuedate()).isEqualTo(endOf(TODAY.plusDays(5 + 3)));
            assertThat(lastEvent(instance, CaseEventType.PROMISE_TO_PAY).getActor()).isEqualTo("mia");

            travel(Duration.ofDays(4));
            pay(instance, "1000.00");
            runDueJobs(instance);
            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
        }

        @Test
        void brokenPromiseGoesToLegalAtOnce() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "PROMISE", PROMISED_DATE, TODAY.plusDays(5).toString()));

            travel(Duration.ofDays(9));
            runDueJobs(instance);

            assertThat(instance).hasPassed(PROMISED_DATE_PASSED, HAND_OVER_TO_LEGAL).isWaitingAt(SEND_CLAIM);
            assertThat(openTask(instance)).hasCandidateGroup("legal");
            assertThat(lastEvent(instance, CaseEventType.HANDED_TO_LEGAL).getDetail())
                    .contains("did not keep the promise");
            assertThat(mailedTo(instance, "To legal"))
                    .containsExactly("lena@test.local", "leo@test.local", "mia@test.local", "sam@test.local");
        }

        @Test
        void aPromiseDateInThePastIsRefusedAndChangesNothing() {
            ProcessInstance instance = inNegotiationWithMia();
            Task before = openTask(instance);

            assertThatThrownBy(() -> completeAs("mia", instance,
                    Map.of(NEGOTIATION_OUTCOME, "PROMISE", PROMISED_DATE, TODAY.minusDays(1).toString())))
                    .hasStackTraceContaining("promisedDate must not be in the past");

            assertThat(openTask(instance).getId()).isEqualTo(before.getId());
            assertThat(runtime.getVariable(instance.getId(), NEGOTIATION_OUTCOME)).isNull();
            assertThat(history(instance)).extracting(CaseEvent::getType).doesNotContain(CaseEventType.PROMISE_TO_PAY);
        }

        @Test
        void noAgreementGoesToLegalAtOnce() {
            ProcessInstance instance = inNegotiationWithMia();

            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "NO_AGREEMENT", NEGOTIATION_NOTE, "unreachable"));

            assertThat(instance).isWaitingAt(SEND_CLAIM);
            assertThat(openTask(instance).getDueDate()).as("legal has 3 days to send the claim")
                    .isEqualTo(endOf(TODAY.plusDays(3)));
            assertThat(lastEvent(instance, CaseEventType.HANDED_TO_LEGAL).getDetail()).contains("no agreement");
            assertThat(cases.stage(instance.getBusinessKey())).isEqualTo(CaseStage.LEGAL_CLAIM);
        }

        @Test
        void tenDaysWithoutOutcomeGoToLegalAndTheHeadIsTold() {
            ProcessInstance instance = inNegotiationWithMia();
            assertThat(timer(instance).getDuedate()).isEqualTo(endOf(TODAY.plusDays(10)));

            travel(Duration.ofDays(9));
            runDueJobs(instance);
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);

            travel(Duration.ofDays(2));
            runDueJobs(instance);

            assertThat(instance).hasPassed(NEGOTIATION_PERIOD_PASSED).isWaitingAt(SEND_CLAIM);
            assertThat(lastEvent(instance, CaseEventType.HANDED_TO_LEGAL).getDetail())
                    .contains("negotiation period passed");
            assertThat(mailedTo(instance, "To legal")).contains("sam@test.local");
        }

        @Test
        void partialPaymentLowersTheOpenAmountAndFullPaymentEndsTheCase() {
            ProcessInstance instance = inNegotiationWithMia();

            pay(instance, "400.00");
            assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("600.00");
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);

            pay(instance, "600.00");
            runDueJobs(instance);
            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
            assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("0");
        }

        @Test
        void aRepeatedPaymentIdIsCountedOnce() {
            ProcessInstance instance = inNegotiationWithMia();

            pay(instance.getBusinessKey(), "BANK-" + instance.getBusinessKey(), "300.00");
            var repeat = pay(instance.getBusinessKey(), "BANK-" + instance.getBusinessKey(), "300.00");

            assertThat(repeat.created()).isFalse();
            assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("700.00");
            assertThat(history(instance)).filteredOn(e -> e.getType() == CaseEventType.PAYMENT_RECEIVED).hasSize(1);
            assertThatThrownBy(() -> pay(instance.getBusinessKey(), "BANK-" + instance.getBusinessKey(), "500.00"))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Nested
    class Dispute {

        @Test
        void aJustifiedDisputeReducesTheAmountAndNegotiationGoesOn() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "3 of 10 items broken"));
            assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
            assertThat(openTask(instance)).hasCandidateGroup("finance");

            completeAs("fred", instance, Map.of(DISPUTE_DECISION, "JUSTIFIED", AMOUNT_OWED, 700.5,
                    RESOLUTION_NOTE, "credit note for 3 items"));

            assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("700.50");
            assertThat(instance).hasPassed(CORRECT_INVOICE_AMOUNT).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(lastEvent(instance, CaseEventType.DISPUTE_JUSTIFIED).getActor()).isEqualTo("fred");

            pay(instance, "700.50");
            runDueJobs(instance);
            assertThat(mailedTo(instance, "Paid")).as("finance resolved the dispute without claiming the task")
                    .containsExactly("fred@test.local", "mia@test.local");
        }

        @Test
        void aJustifiedDisputeOverEverythingCancelsTheInvoice() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "never delivered"));

            completeAs("fred", instance, Map.of(DISPUTE_DECISION, "JUSTIFIED", AMOUNT_OWED, 0,
                    RESOLUTION_NOTE, "goods never shipped"));

            assertThat(instance).hasPassed(END_INVOICE_CANCELLED).isEnded();
            assertThat(invoiceOf(instance).getStatus()).isEqualTo(InvoiceStatus.CANCELLED);
        }

        @Test
        void anUnjustifiedDisputeReturnsToNegotiationForTheDaysLeft() {
            ProcessInstance instance = inNegotiationWithMia();
            Date firstDeadline = timer(instance).getDuedate();
            travel(Duration.ofDays(4));
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "price too high"));

            travel(Duration.ofDays(3)); // finance looks into it
            completeAs("fred", instance, Map.of(DISPUTE_DECISION, "UNJUSTIFIED", RESOLUTION_NOTE, "price as agreed"));

            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
            Instant resumedDeadline = timer(instance).getDuedate().toInstant();
            assertThat(resumedDeadline).isEqualTo(firstDeadline.toInstant().plus(Duration.ofDays(3)));
            assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("1000.00");
        }

        @Test
        void aJustifiedDisputeMustReduceTheAmount() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "wrong price"));

            assertThatThrownBy(() -> completeAs("fred", instance, Map.of(DISPUTE_DECISION, "JUSTIFIED",
                    AMOUNT_OWED, 1000, RESOLUTION_NOTE, "hm")))
                    .hasStackTraceContaining("amountOwed must be at least 0 and less than the open amount 1000.00");
            assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
        }

        @Test
        void theAmountOwedIsANumberNotText() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "wrong price"));

            assertThatThrownBy(() -> completeAs("fred", instance, Map.of(DISPUTE_DECISION, "JUSTIFIED",
                    AMOUNT_OWED, "700.50", RESOLUTION_NOTE, "credit note")))
                    .hasStackTraceContaining("amountOwed must be a number like 700.50, not text");
            assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
            assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("1000.00");
        }
    }

    @Nested
    class Legal {

        @Test
        void theClaimGivesTheClientOneMonthFromSendingAndPaymentEndsIt() {
            ProcessInstance instance = atLegal(false);
            tasks.claim(openTask(instance).getId(), "lena");

            completeAs("lena", instance, Map.of(CLAIM_NUMBER, "CL-2027-001", CLAIM_SENT_ON, TODAY.toString()));

            assertThat(instance).isWaitingAt(CLAIM_PERIOD_PASSED);
            assertThat(timer(instance, CLAIM_PERIOD_PASSED).getDuedate()).isEqualTo(endOf(TODAY.plusMonths(1)));
            assertThat(runtime.getVariable(instance.getId(), LAWYER)).isEqualTo("lena");
            assertThat(lastEvent(instance, CaseEventType.CLAIM_SENT).getDetail()).contains("CL-2027-001");

            travel(Duration.ofDays(20));
            pay(instance, "1000.00");
            runDueJobs(instance);
            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
            assertThat(mailedTo(instance, "Paid")).containsExactly("lena@test.local", "mia@test.local");
        }

        @Test
        void aClaimSendingDateInTheFutureIsRefused() {
            ProcessInstance instance = atLegal(false);
            tasks.claim(openTask(instance).getId(), "lena");

            assertThatThrownBy(() -> completeAs("lena", instance,
                    Map.of(CLAIM_NUMBER, "CL-9", CLAIM_SENT_ON, TODAY.plusDays(1).toString())))
                    .hasStackTraceContaining("claimSentOn must not be in the future");
            assertThat(instance).isWaitingAt(SEND_CLAIM);
        }

        @Test
        void monthPassedThenCourtCollects() {
            ProcessInstance instance = afterClaimPeriod(false);

            assertThat(instance).hasPassed(REPORT_CLAIM_PERIOD_PASSED).isWaitingAt(FILE_LAWSUIT)
                    .task().isAssignedTo("lena");
            assertThat(mailedTo(instance, "Claim period passed")).containsExactly("lena@test.local", "mia@test.local");

            completeAs("lena", instance, Map.of(COURT_CASE_NUMBER, "3 O 123/27", LAWSUIT_FILED_ON,
                    TODAY.plusDays(32).toString()));
            assertThat(instance).isWaitingAt(RECORD_COURT_OUTCOME);
            completeAs("lena", instance, Map.of(COURT_OUTCOME, "COLLECTED", COURT_NOTE, "enforced by bailiff"));

            assertThat(instance).hasPassed(CLOSE_AS_COLLECTED, END_COLLECTED_IN_COURT).isEnded();
            assertThat(invoiceOf(instance).getStatus()).isEqualTo(InvoiceStatus.COLLECTED);
            assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("0");
        }

        @Test
        void monthPassedThenCourtWritesOff() {
            ProcessInstance instance = afterClaimPeriod(false);
            completeAs("lena", instance, Map.of(COURT_CASE_NUMBER, "3 O 124/27", LAWSUIT_FILED_ON,
                    TODAY.plusDays(32).toString()));

            completeAs("lena", instance, Map.of(COURT_OUTCOME, "WRITTEN_OFF", COURT_NOTE, "debtor insolvent"));

            assertThat(instance).hasPassed(WRITE_OFF, END_WRITTEN_OFF).isEnded();
            assertThat(invoiceOf(instance).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
            assertThat(lastEvent(instance, CaseEventType.COURT_CASE_LOST).getDetail()).isEqualTo("debtor insolvent");
        }
    }

    @Nested
    class KeyClient {

        @Test
        void managementForgivesSomeDaysThenAppliesTheStandardRegulation() throws Exception {
            String clientId = client("mia", true);
            ProcessInstance instance = overdueInvoice(clientId);
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
            assertThat(openTask(instance)).hasCandidateGroup("management");
            assertThat(mailText(instance, "Overdue")).contains("management decides first", "<span>10 days</span>")
                    .doesNotContain("has until the end of");
            assertThat(tasks.getVariableLocal(openTask(instance).getId(), "forgivableDays")).isEqualTo(60);

            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 5,
                    KEY_CLIENT_REASON, "strategic partner, year-end budget"));

            assertThat(instance).isWaitingAt(FORGIVENESS_PERIOD_OVER);
            CaseEvent forgiven = lastEvent(instance, CaseEventType.KEY_CLIENT_FORGIVEN);
            assertThat(forgiven.getActor()).isEqualTo("dora");
            assertThat(forgiven.getDetail()).contains("5 days", "strategic partner");

            travel(Duration.ofDays(5));
            runDueJobs(instance);
            assertThat(instance).as("forgiven until the end of the fifth day").isWaitingAt(FORGIVENESS_PERIOD_OVER);
            travel(Duration.ofDays(1));
            runDueJobs(instance);
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
            assertThat(tasks.getVariableLocal(openTask(instance).getId(), "forgivableDays")).isEqualTo(55);

            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "STANDARD", KEY_CLIENT_REASON, "time is up"));
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT).task().isAssignedTo("mia");
            assertThat(lastEvent(instance, CaseEventType.KEY_CLIENT_STANDARD_REGULATION).getActor()).isEqualTo("dora");
        }

        @Test
        void forgivenDaysAreCountedAsTheCheckedWholeNumber() {
            ProcessInstance instance = overdueInvoice(client("mia", true));

            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 5.0,
                    KEY_CLIENT_REASON, "sent as a decimal by an integration"));

            assertThat(instance).isWaitingAt(FORGIVENESS_PERIOD_OVER);
            assertThat(timer(instance).getDuedate()).isEqualTo(endOf(TODAY.plusDays(5)));
            assertThat(runtime.getVariable(instance.getId(), FORGIVEN_DAYS)).isEqualTo(5);
        }

        @Test
        void forgivenessBeyondTheClientsLimitIsRefused() {
            ProcessInstance instance = overdueInvoice(client("mia", true));

            assertThatThrownBy(() -> completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE",
                    FORGIVEN_DAYS, 61, KEY_CLIENT_REASON, "generous")))
                    .hasStackTraceContaining("forgivenDays must be between 1 and 60");
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
        }

        @Test
        void courtAgainstAKeyClientNeedsManagementApproval() {
            ProcessInstance instance = afterClaimPeriod(true);
            assertThat(instance).isWaitingAt(APPROVE_LAWSUIT);
            assertThat(openTask(instance)).hasCandidateGroup("management");

            completeAs("dora", instance, Map.of(LAWSUIT_DECISION, "APPROVE", LAWSUIT_REASON, "no payment in sight"));

            assertThat(instance).isWaitingAt(FILE_LAWSUIT);
            assertThat(lastEvent(instance, CaseEventType.LAWSUIT_APPROVED).getActor()).isEqualTo("dora");
        }

        @Test
        void aDeclinedLawsuitWritesTheInvoiceOff() {
            ProcessInstance instance = afterClaimPeriod(true);

            completeAs("dora", instance, Map.of(LAWSUIT_DECISION, "DECLINE", LAWSUIT_REASON, "relationship first"));

            assertThat(instance).hasPassed(WRITE_OFF, END_WRITTEN_OFF).isEnded();
            assertThat(invoiceOf(instance).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
            assertThat(lastEvent(instance, CaseEventType.WRITTEN_OFF).getDetail()).contains("management declined");
        }
    }

    @Nested
    class Payments {

        @Test
        void aPaymentForAnUnknownInvoiceIsKeptAndAppliedWhenTheInvoiceArrives() {
            String number = newInvoiceNumber();
            var receipt = pay(number, "EARLY-" + number, "250.00");
            assertThat(receipt.payment().isMatched()).isFalse();
            assertThat(payments.unmatched()).extracting(p -> p.getPaymentId()).contains("EARLY-" + number);

            cases.register(new dev.collectflow.invoice.InvoiceData(number, client("mia", false),
                    new BigDecimal("1000.00"), "EUR", TODAY.minusDays(10), TODAY.plusDays(20)), "fred");

            assertThat(invoices.get(number).getOpenAmount()).isEqualByComparingTo("750.00");
            assertThat(payments.unmatched()).extracting(p -> p.getPaymentId()).doesNotContain("EARLY-" + number);
        }

        @Test
        void theStageAtWhichACaseStandsIsReadFromTheProcess() {
            ProcessInstance instance = inNegotiationWithMia();
            assertThat(cases.stage(instance.getBusinessKey())).isEqualTo(CaseStage.NEGOTIATION);
            pay(instance, "1000.00");
            runDueJobs(instance);
            assertThat(cases.stage(instance.getBusinessKey())).isEqualTo(CaseStage.CLOSED);
            List<CaseEvent> events = history(instance);
            assertThat(events).extracting(CaseEvent::getType)
                    .containsSubsequence(CaseEventType.REGISTERED, CaseEventType.OVERDUE,
                            CaseEventType.OVERDUE_NOTICE_SENT, CaseEventType.PAYMENT_RECEIVED, CaseEventType.PAID);
        }
    }

    @Nested
    class RepeatedTasks {

        @Test
        void aSecondKeyClientDecisionStartsEmpty() {
            ProcessInstance instance = overdueInvoice(client("mia", true));
            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 5,
                    KEY_CLIENT_REASON, "strategic partner"));
            travel(Duration.ofDays(6));
            runDueJobs(instance);
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);

            Map<String, Object> seen = tasks.getVariables(openTask(instance).getId());
            assertThat(seen).doesNotContainKeys(KEY_CLIENT_DECISION, FORGIVEN_DAYS, KEY_CLIENT_REASON);
            JsonNode form = http.withBasicAuth("dora", "secret").getForObject(
                    "/engine-rest/task/" + openTask(instance).getId() + "/form-variables", JsonNode.class);
            assertThat(form.has(CaseTaskContext.OPEN_AMOUNT)).as("the case context stays").isTrue();
            assertThat(form.has(KEY_CLIENT_DECISION) || form.has(FORGIVEN_DAYS)).as("no old answer").isFalse();
            assertThatThrownBy(() -> completeAs("dora", instance, Map.of()))
                    .hasStackTraceContaining("keyClientDecision is required");
            assertThat(history(instance)).filteredOn(e -> e.getType() == CaseEventType.KEY_CLIENT_FORGIVEN).hasSize(1);
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
        }

        @Test
        void aNegotiationAfterAnUnjustifiedDisputeStartsEmpty() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "price too high"));
            completeAs("fred", instance, Map.of(DISPUTE_DECISION, "UNJUSTIFIED", RESOLUTION_NOTE, "price as agreed"));
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);

            assertThat(tasks.getVariables(openTask(instance).getId()))
                    .doesNotContainKeys(NEGOTIATION_OUTCOME, DISPUTE_REASON, NEGOTIATION_NOTE);
            assertThatThrownBy(() -> completeAs("mia", instance, Map.of()))
                    .hasStackTraceContaining("negotiationOutcome is required");
            assertThat(history(instance)).filteredOn(e -> e.getType() == CaseEventType.DISPUTE_RAISED).hasSize(1);
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
        }

        @Test
        void overTheRestApiAForeignAnswerIsA400NamingTheField() {
            ProcessInstance instance = inNegotiationWithMia();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);

            ResponseEntity<JsonNode> refused = http.withBasicAuth("mia", "secret").exchange(
                    "/engine-rest/task/" + openTask(instance).getId() + "/complete", HttpMethod.POST,
                    new HttpEntity<>("""
                            {"variables": {"negotiationOutcome": {"value": "PROMISE"},
                                           "promisedDate": {"value": "%s"},
                                           "disputeReason": {"value": "left over from another answer"}}}"""
                            .formatted(TODAY.plusDays(5)), headers), JsonNode.class);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly(DISPUTE_REASON);
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys(DISPUTE_REASON, NEGOTIATION_OUTCOME);
        }

        @Test
        void answersForeignToTheChosenOutcomeAreRefused() {
            ProcessInstance negotiation = inNegotiationWithMia();
            assertThatThrownBy(() -> completeAs("mia", negotiation, Map.of(NEGOTIATION_OUTCOME, "PROMISE",
                    PROMISED_DATE, TODAY.plusDays(5).toString(), DISPUTE_REASON, "left over")))
                    .hasStackTraceContaining("disputeReason does not belong to negotiationOutcome PROMISE");
            assertThat(negotiation).isWaitingAt(NEGOTIATE_PAYMENT);

            ProcessInstance keyCase = overdueInvoice(client("mia", true));
            assertThatThrownBy(() -> completeAs("dora", keyCase, Map.of(KEY_CLIENT_DECISION, "STANDARD",
                    FORGIVEN_DAYS, 5, KEY_CLIENT_REASON, "no exception")))
                    .hasStackTraceContaining("forgivenDays does not belong to keyClientDecision STANDARD");
            assertThat(keyCase).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);

            ProcessInstance dispute = inNegotiationWithMia();
            completeAs("mia", dispute, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "wrong price"));
            assertThatThrownBy(() -> completeAs("fred", dispute, Map.of(DISPUTE_DECISION, "UNJUSTIFIED",
                    AMOUNT_OWED, 500, RESOLUTION_NOTE, "price as agreed")))
                    .hasStackTraceContaining("amountOwed does not belong to disputeDecision UNJUSTIFIED");
            assertThat(dispute).isWaitingAt(RESOLVE_DISPUTE);
            assertThat(invoiceOf(dispute).getOpenAmount()).isEqualByComparingTo("1000.00");
        }
    }

    @Nested
    class FactsReadWhenTheyMatter {

        @Test
        void aClientMadeKeyClientLaterNeedsManagementBeforeTheLawsuit() {
            ProcessInstance instance = atLegal(false);
            tasks.claim(openTask(instance).getId(), "lena");
            completeAs("lena", instance, Map.of(CLAIM_NUMBER, "CL-5", CLAIM_SENT_ON, TODAY.toString()));
            String clientId = invoiceOf(instance).getClientId();
            var details = clients.get(clientId).details();
            clients.save(clientId, new dev.collectflow.client.ClientDetails(details.name(), details.email(),
                    details.phone(), details.contactPerson(), details.owner(), true, details.language()));

            travel(Duration.ofDays(32));
            runDueJobs(instance);

            assertThat(instance).isWaitingAt(APPROVE_LAWSUIT);
        }

        @Test
        void aNewOwnerSetThroughTheApiTakesOverTheOpenNegotiation() {
            ProcessInstance instance = inNegotiationWithMia();
            String clientId = invoiceOf(instance).getClientId();
            String taskId = openTask(instance).getId();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);

            assertThat(List.of("otto", "hugo", "mia", "sam")).as("who may read the case in Camunda before")
                    .filteredOn(user -> canRead(user, instance)).containsExactly("mia", "sam");

            ResponseEntity<String> changed = http.withBasicAuth("fred", "secret").exchange("/api/clients/" + clientId,
                    HttpMethod.PUT, new HttpEntity<>("{\"name\": \"Client " + clientId + "\", \"owner\": \"otto\"}",
                            headers), String.class);

            assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("otto");
            assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getUserId)
                    .contains("hugo").doesNotContain("sam");
            assertThat(runtime.getVariable(instance.getId(), SALES_MANAGER)).isEqualTo("otto");
            assertThat(List.of("otto", "hugo", "mia", "sam")).as("who may read the case in Camunda now")
                    .filteredOn(user -> canRead(user, instance)).containsExactly("otto", "hugo");
            CaseEvent handedOver = history(instance).stream()
                    .filter(e -> e.getType().name().equals("OWNER_CHANGED")).findFirst().orElseThrow();
            assertThat(handedOver.getActor()).isEqualTo("fred");
            assertThat(handedOver.getDetail()).contains("mia", "otto");

            runDueJobs(instance);
            assertThat(mailedTo(instance, "New owner")).containsExactly("mia@test.local", "otto@test.local");
        }

        @Test
        void theHeadTheNegotiationWasOfferedToGivesItUpThoughItsManagerChangedTeamsSince() {
            String ivy = "ivy" + newInvoiceNumber().replaceAll("[^A-Za-z0-9]", "").toLowerCase();
            person(ivy, Groups.SALES, "teamnorth");
            ProcessInstance instance = overdueInvoice(client(ivy, false));
            String taskId = openTask(instance).getId();
            assertThat(canRead("sam", instance)).isTrue();
            identity.deleteMembership(ivy, "teamnorth");
            identity.createMembership(ivy, "teamsouth"); // ivy works for hugo now; sam was told of the case

            String clientId = invoiceOf(instance).getClientId();
            var details = clients.get(clientId).details();
            clients.save(clientId, new dev.collectflow.client.ClientDetails(details.name(), details.email(),
                    details.phone(), details.contactPerson(), "otto", false, details.language()), "fred");

            assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getUserId)
                    .contains("hugo").doesNotContain("sam");
            assertThat(List.of("otto", "hugo", "sam")).as("who may read the case in Camunda now")
                    .filteredOn(user -> canRead(user, instance)).containsExactly("otto", "hugo");
        }

        @Test
        void aClientLeftWithoutOwnerKeepsItsCasesWithTheirSalesManagers() {
            ProcessInstance instance = inNegotiationWithMia();
            String clientId = invoiceOf(instance).getClientId();
            var details = clients.get(clientId).details();

            clients.save(clientId, new dev.collectflow.client.ClientDetails(details.name(), details.email(),
                    details.phone(), details.contactPerson(), null, false, details.language()), "fred");
            runDueJobs(instance);

            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT).task().isAssignedTo("mia");
            assertThat(runtime.getVariable(instance.getId(), SALES_MANAGER)).isEqualTo("mia");
            assertThat(mailedTo(instance, "New owner")).isEmpty();
        }

        @Test
        void anOwnerSetThroughTheApiEndsTheWaitingOwnerAssignment() {
            String clientId = client(null, false);
            ProcessInstance instance = overdueInvoice(clientId);
            assertThat(instance).isWaitingAt(ASSIGN_CLIENT_OWNER);
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);

            ResponseEntity<String> changed = http.withBasicAuth("fred", "secret").exchange("/api/clients/" + clientId,
                    HttpMethod.PUT, new HttpEntity<>("{\"name\": \"Client " + clientId + "\", \"owner\": \"max\"}",
                            headers), String.class);
            runDueJobs(instance);

            assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(instance).hasPassed(CLIENT_OWNER_ASSIGNED).isWaitingAt(NEGOTIATE_PAYMENT)
                    .task().isAssignedTo("max");
            assertThat(lastEvent(instance, CaseEventType.OWNER_ASSIGNED).getActor()).isEqualTo("fred");
            assertThat(mailedTo(instance, "Overdue")).containsExactly("max@test.local", "sam@test.local");
        }

        @Test
        void twoOwnerAssignmentsForOneClientLeaveOneOwner() {
            String clientId = client(null, false);
            ProcessInstance first = overdueInvoice(clientId);
            ProcessInstance second = overdueInvoice(clientId);
            assertThat(first).isWaitingAt(ASSIGN_CLIENT_OWNER);
            assertThat(second).isWaitingAt(ASSIGN_CLIENT_OWNER);

            completeAs("sam", first, Map.of(SALES_MANAGER, "mia"));
            runDueJobs(second);

            assertThat(clients.get(clientId).getOwner()).isEqualTo("mia");
            assertThat(second).isWaitingAt(NEGOTIATE_PAYMENT).task().isAssignedTo("mia");
            assertThat(first).isWaitingAt(NEGOTIATE_PAYMENT).task().isAssignedTo("mia");
            assertThat(mailedTo(second, "Overdue")).containsExactly("mia@test.local", "sam@test.local");
        }
    }

    @Nested
    class WhatAPersonSees {

        @Test
        void aPartialPaymentShowsAtOnceInTheOpenTask() {
            ProcessInstance instance = inNegotiationWithMia();
            String taskId = openTask(instance).getId();

            pay(instance, "400.00");

            assertThat(tasks.getVariableLocal(taskId, CaseTaskContext.OPEN_AMOUNT)).isEqualTo("600.00 EUR");
        }

        @Test
        void daysOverdueMoveAtMidnightInTheCompanysZoneAndARepeatedRefreshChangesNothing() {
            ProcessInstance instance = inNegotiationWithMia();
            String taskId = openTask(instance).getId();
            assertThat(tasks.getVariableLocal(taskId, CaseTaskContext.DAYS_OVERDUE)).isEqualTo(1L);

            clock.set(TODAY.atTime(23, 59).atZone(BERLIN).toInstant());
            dailyRefresh.refreshAll();
            assertThat(tasks.getVariableLocal(taskId, CaseTaskContext.DAYS_OVERDUE)).isEqualTo(1L);

            clock.set(TODAY.plusDays(1).atTime(0, 1).atZone(BERLIN).toInstant());
            dailyRefresh.refreshAll();
            assertThat(tasks.getVariableLocal(taskId, CaseTaskContext.DAYS_OVERDUE)).isEqualTo(2L);

            long writes = engine.getHistoryService().createHistoricDetailQuery().variableUpdates().taskId(taskId).count();
            dailyRefresh.refreshAll();
            assertThat(engine.getHistoryService().createHistoricDetailQuery().variableUpdates().taskId(taskId).count())
                    .as("another node refreshing the same day writes nothing").isEqualTo(writes);
        }

        @Test
        void aClientsNewNameAndKeyClientFlagShowInItsOpenTasks() {
            ProcessInstance instance = inNegotiationWithMia();
            String clientId = invoiceOf(instance).getClientId();
            var details = clients.get(clientId).details();

            clients.save(clientId, new dev.collectflow.client.ClientDetails("Renamed Ltd", details.email(),
                    details.phone(), details.contactPerson(), details.owner(), true, details.language()));

            assertThat(tasks.getVariableLocal(openTask(instance).getId(), CaseTaskContext.CLIENT))
                    .isEqualTo("Renamed Ltd (key client)");
        }
    }

    @Nested
    class MoneyInTheLedger {

        @Test
        void collectedInCourtIsRecordedAsAPaymentFromTheCourt() {
            ProcessInstance instance = afterClaimPeriod(false);
            pay(instance, "250.00");
            completeAs("lena", instance, Map.of(COURT_CASE_NUMBER, "3 O 7/27", LAWSUIT_FILED_ON,
                    TODAY.plusDays(32).toString()));
            completeAs("lena", instance, Map.of(COURT_OUTCOME, "COLLECTED", COURT_NOTE, "enforced"));

            List<Map<String, Object>> recorded = jdbc.queryForList(
                    "select amount, source from payment where invoice_number = ? order by received_at",
                    instance.getBusinessKey());
            assertThat(recorded).hasSize(2);
            assertThat((BigDecimal) recorded.get(1).get("AMOUNT")).isEqualByComparingTo("750.00");
            assertThat(recorded.get(1).get("SOURCE")).isEqualTo("COURT");
            assertThat(invoiceOf(instance).getStatus()).isEqualTo(InvoiceStatus.COLLECTED);
        }

        @Test
        void theAmountOwedStaysInTheLedgerNotInTheProcess() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "3 items broken"));
            completeAs("fred", instance, Map.of(DISPUTE_DECISION, "JUSTIFIED", AMOUNT_OWED, 700.5,
                    RESOLUTION_NOTE, "credit note"));

            assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("700.50");
            assertThat(runtime.getVariables(instance.getId())).doesNotContainKey(AMOUNT_OWED);
        }
    }

    @Nested
    class PathsNothingWalkedBefore {

        @Test
        void whenTheForgivenessLimitIsUsedUpManagementCanOnlyApplyTheRegulation() {
            ProcessInstance instance = overdueInvoice(client("mia", true));
            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 60,
                    KEY_CLIENT_REASON, "the whole limit"));
            travel(Duration.ofDays(61));
            runDueJobs(instance);
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
            assertThat(tasks.getVariableLocal(openTask(instance).getId(), "forgivableDays")).isEqualTo(0);

            assertThatThrownBy(() -> completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE",
                    FORGIVEN_DAYS, 1, KEY_CLIENT_REASON, "once more")))
                    .hasStackTraceContaining("keyClientDecision cannot be FORGIVE: the client's forgiveness limit is used up");
            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "STANDARD", KEY_CLIENT_REASON, "limit used up"));
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
        }

        @Test
        void aPaymentWhileForgivenEndsTheCase() {
            ProcessInstance instance = overdueInvoice(client("mia", true));
            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 20,
                    KEY_CLIENT_REASON, "strategic partner"));

            pay(instance, "1000.00");
            runDueJobs(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
            assertThat(mailedTo(instance, "Paid")).containsExactly("dora@test.local", "mia@test.local");
        }

        @Test
        void aPaymentWhileAtCourtEndsTheCase() {
            ProcessInstance instance = afterClaimPeriod(false);
            completeAs("lena", instance, Map.of(COURT_CASE_NUMBER, "3 O 9/27", LAWSUIT_FILED_ON,
                    TODAY.plusDays(32).toString()));
            assertThat(instance).isWaitingAt(RECORD_COURT_OUTCOME);

            pay(instance, "1000.00");
            runDueJobs(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
            assertThat(invoiceOf(instance).getStatus()).isEqualTo(InvoiceStatus.PAID);
            assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        }

        @Test
        void aSecondNegotiationRoundThatTimesOutGoesToLegal() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "price too high"));
            completeAs("fred", instance, Map.of(DISPUTE_DECISION, "UNJUSTIFIED", RESOLUTION_NOTE, "as agreed"));
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);

            travel(Duration.ofDays(11));
            runDueJobs(instance);

            assertThat(instance).hasPassed(NEGOTIATION_PERIOD_PASSED).isWaitingAt(SEND_CLAIM);
            assertThat(lastEvent(instance, CaseEventType.HANDED_TO_LEGAL).getDetail())
                    .contains("negotiation period passed");
        }

        @Test
        void aPromiseBeyondTheHorizonIsRefusedOnTheServer() {
            ProcessInstance instance = inNegotiationWithMia();

            assertThatThrownBy(() -> completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "PROMISE",
                    PROMISED_DATE, TODAY.plusDays(31).toString())))
                    .hasStackTraceContaining("promisedDate must not be later than " + TODAY.plusDays(30));
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "PROMISE",
                    PROMISED_DATE, TODAY.plusDays(30).toString()));
            assertThat(instance).isWaitingAt(PROMISED_DATE_PASSED);
        }

        @Test
        void aClaimDateBeforeTheCaseReachedLegalIsRefused() {
            ProcessInstance instance = atLegal(false);
            tasks.claim(openTask(instance).getId(), "lena");
            travel(Duration.ofDays(2));

            assertThatThrownBy(() -> completeAs("lena", instance, Map.of(CLAIM_NUMBER, "CL-3",
                    CLAIM_SENT_ON, TODAY.minusDays(1).toString())))
                    .hasStackTraceContaining("claimSentOn must not be before the case reached this step (" + TODAY + ")");
            completeAs("lena", instance, Map.of(CLAIM_NUMBER, "CL-3", CLAIM_SENT_ON, TODAY.plusDays(1).toString()));
            assertThat(timer(instance, CLAIM_PERIOD_PASSED).getDuedate())
                    .isEqualTo(endOf(TODAY.plusDays(1).plusMonths(1)));
        }
    }

    @Nested
    class DeadlinesAndReasons {

        @Test
        void forgivenTimeEndsAtMidnightLikeEveryDeadline() {
            ProcessInstance instance = overdueInvoice(client("mia", true));

            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 5,
                    KEY_CLIENT_REASON, "year-end budget"));

            assertThat(timer(instance).getDuedate()).isEqualTo(endOf(TODAY.plusDays(5)));
        }
    }
}
