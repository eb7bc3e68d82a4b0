package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.collectflow.CollectionTestSupport;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.invoice.InvoiceStatus;
import dev.collectflow.system.ConflictException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every path of the regulation, one test each, on the real application with time moved by the tests. */
class InvoiceCollectionProcessIT extends CollectionTestSupport {

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
        void dueDatePassedGoesToTheOwnerAndTellsOwnerAndHead() {
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

            completeAs("fred", instance, Map.of(DISPUTE_DECISION, "JUSTIFIED", AMOUNT_OWED, " 700.5",
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
                    .hasStackTraceContaining("amountOwed must be less than the open amount");
            assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
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
            assertThat(timer(instance).getDuedate()).isEqualTo(endOf(TODAY.plusMonths(1)));
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
        void managementForgivesSomeDaysThenAppliesTheStandardRegulation() {
            String clientId = client("mia", true);
            ProcessInstance instance = overdueInvoice(clientId);
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
            assertThat(openTask(instance)).hasCandidateGroup("management");
            assertThat(tasks.getVariableLocal(openTask(instance).getId(), "forgivableDays")).isEqualTo(60);

            completeAs("dora", instance, Map.of(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 5,
                    KEY_CLIENT_REASON, "strategic partner, year-end budget"));

            assertThat(instance).isWaitingAt(FORGIVENESS_PERIOD_OVER);
            CaseEvent forgiven = lastEvent(instance, CaseEventType.KEY_CLIENT_FORGIVEN);
            assertThat(forgiven.getActor()).isEqualTo("dora");
            assertThat(forgiven.getDetail()).contains("5 days", "strategic partner");

            travel(Duration.ofDays(5));
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
            assertThat(timer(instance).getDuedate().toInstant()).isEqualTo(START.plus(Duration.ofDays(5)));
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
}
