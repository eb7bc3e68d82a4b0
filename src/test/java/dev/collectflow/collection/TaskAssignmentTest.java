package dev.collectflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.collection.TaskAssignment.Holders;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may hold a task: the rule the gate and the tasks' assignment listener share. */
class TaskAssignmentTest {

    private final Holders negotiation = new Holders("mia", Set.of("sam"), Set.of());
    private final Holders legalQueue = new Holders(null, Set.of(), Set.of("legal"));

    @Test
    void theManagerOrAHeadOfTheirTeamHoldsANegotiation() {
        assertThat(TaskAssignment.refusal("mia", negotiation, List.of("sales"))).isNull();
        assertThat(TaskAssignment.refusal("sam", negotiation, List.of("salesheads"))).isNull();
        assertThat(TaskAssignment.refusal("hugo", negotiation, List.of("salesheads")))
                .isEqualTo("hugo may not hold this task: it is for mia or sam");
        assertThat(TaskAssignment.refusal(null, negotiation, List.of()))
                .isEqualTo("the task would be left with nobody: it has no queue to go back to");
    }

    @Test
    void aQueueTaskIsHeldByAMemberOfTheQueueOrGoesBack() {
        assertThat(TaskAssignment.refusal("lena", legalQueue, List.of("legal"))).isNull();
        assertThat(TaskAssignment.refusal("mia", legalQueue, List.of("sales", "teamnorth")))
                .isEqualTo("mia may not hold this task: it is for a member of legal");
        assertThat(TaskAssignment.refusal(null, legalQueue, List.of())).isNull();
    }
}
