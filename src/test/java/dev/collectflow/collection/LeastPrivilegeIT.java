package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.NEGOTIATE_PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.collectflow.CollectionTestSupport;
import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Each person sees and changes only what their part of the regulation needs. */
class LeastPrivilegeIT extends CollectionTestSupport {

    @Autowired TestRestTemplate http;
    @Autowired FilterService filters;

    private HttpStatus read(String user, String path) {
        return HttpStatus.valueOf(http.withBasicAuth(user, "secret").getForEntity(path, String.class)
                .getStatusCode().value());
    }

    @Test
    void aManagerWithoutATeamHeadIsNoHeadOfSalesBusiness() {
        String clientId = client("nia", false);
        ProcessInstance instance = overdueInvoice(clientId);
        assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT).task().isAssignedTo("nia");

        assertThat(tasks.getIdentityLinksForTask(openTask(instance).getId())).extracting(IdentityLink::getUserId)
                .doesNotContain("sam", "hugo");
        assertThat(mailedTo(instance, "Overdue")).containsExactly("nia@test.local");
        for (String head : List.of("sam", "hugo")) {
            assertThat(read(head, "/api/invoices/" + instance.getBusinessKey())).as(head).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(read(head, "/api/clients/" + clientId)).as(head).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(read("nia", "/api/invoices/" + instance.getBusinessKey())).isEqualTo(HttpStatus.OK);
    }

    @Test
    void legalReadsACaseBecauseItWasHandedOverNotBecauseOfAnAuditLine() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        audit.record(instance.getBusinessKey(), CaseEventType.HANDED_TO_LEGAL, AuditTrail.SYSTEM, "a stray line");

        assertThat(read("lena", "/api/invoices/" + instance.getBusinessKey())).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void negotiationsEndingSoonShowsWhatHasTwoDaysOrLessLeft() {
        ProcessInstance early = overdueInvoice(client("mia", false));
        travel(Duration.ofDays(9)); // 1 day and 14 hours left
        ProcessInstance late = overdueInvoice(client("mia", false));
        String endingSoon = openTask(early).getId();

        List<String> shown = asUser("mia", () -> {
            Filter filter = filters.createFilterQuery().filterName("Negotiations ending soon").singleResult();
            assertThat(filter).as("mia may read the filter").isNotNull();
            return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        });

        assertThat(shown).contains(endingSoon).doesNotContain(openTask(late).getId());
        assertThat(filters.createFilterQuery().filterName("Overdue negotiations").count()).isZero();
    }

    private <T> T asUser(String userId, Supplier<T> work) {
        identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
