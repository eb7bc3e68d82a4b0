package dev.collectflow.collection;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.system.EngineRights;
import dev.collectflow.system.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Who may hold a task, checked whenever its assignee changes (the tasks' {@code assignment} listener): the person the
 * regulation gives it to (the sales manager for a negotiation, the case's lawyer in court), a candidate user (the
 * heads of the manager's team) or a member of a candidate group (the department queue). A task goes back to nobody
 * only where a queue can take it. Operators may assign anything. When a person makes someone other than the
 * regulation's assignee hold a task (a head of sales taking over a negotiation), the case's audit trail says so.
 * {@link TaskCompletionGuard} runs the same rule on REST requests first, so a refusal there is a clean 403.
 */
@Component("taskAssignment")
public class TaskAssignment implements TaskListener {

    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{\\s*(\\w+)\\s*}$");

    private final AuditTrail audit;

    TaskAssignment(AuditTrail audit) {
        this.audit = audit;
    }

    /** Who a task is for: the regulation's assignee (if its model names one) and its candidates. */
    public record Holders(String regulationAssignee, Set<String> candidateUsers, Set<String> candidateGroups) {

        static Holders of(String regulationAssignee, Collection<? extends IdentityLink> links) {
            Set<String> users = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                    .map(IdentityLink::getUserId).filter(id -> id != null).collect(Collectors.toSet());
            Set<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                    .map(IdentityLink::getGroupId).filter(id -> id != null).collect(Collectors.toSet());
            return new Holders(regulationAssignee, users, groups);
        }

        /** "mia, sam or a member of legal" */
        String describe() {
            List<String> who = new ArrayList<>();
            if (regulationAssignee != null) {
                who.add(regulationAssignee);
            }
            candidateUsers.stream().filter(u -> !u.equals(regulationAssignee)).sorted().forEach(who::add);
            candidateGroups.stream().sorted().map(g -> "a member of " + g).forEach(who::add);
            if (who.isEmpty()) {
                return "nobody but an operator";
            }
            return who.size() == 1 ? who.get(0)
                    : String.join(", ", who.subList(0, who.size() - 1)) + " or " + who.get(who.size() - 1);
        }
    }

    /**
     * Why the user may not become the task's assignee, or null if they may. A null user means the task goes back
     * to its queue.
     */
    public static String refusal(String userId, Holders holders, Collection<String> groupsOfUser) {
        if (userId == null) {
            return holders.candidateGroups().isEmpty()
                    ? "the task would be left with nobody: it has no queue to go back to" : null;
        }
        if (userId.equals(holders.regulationAssignee()) || holders.candidateUsers().contains(userId)
                || groupsOfUser.stream().anyMatch(holders.candidateGroups()::contains)) {
            return null;
        }
        return userId + " may not hold this task: it is for " + holders.describe();
    }

    /** The variable the model's {@code camunda:assignee="${variable}"} names, or null. */
    static String assigneeVariable(UserTask model) {
        String expression = model == null ? null : model.getCamundaAssignee();
        Matcher matcher = VARIABLE.matcher(expression == null ? "" : expression);
        return matcher.matches() ? matcher.group(1) : null;
    }

    @Override
    public void notify(DelegateTask task) {
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        var person = identity.getCurrentAuthentication();
        if (person == null) {
            return; // the regulation itself (or the application's own services) assigns
        }
        String assignee = task.getAssignee();
        String variable = assigneeVariable(task.getBpmnModelElementInstance());
        Object regulationAssignee = variable == null ? null : task.getVariable(variable);
        Holders holders = Holders.of(regulationAssignee == null ? null : regulationAssignee.toString(),
                task.getCandidates());
        boolean operator = person.getGroupIds() != null && person.getGroupIds().contains(Groups.ADMIN);
        if (!operator) {
            List<String> groups = assignee == null ? List.of()
                    : assignee.equals(person.getUserId()) && person.getGroupIds() != null ? person.getGroupIds()
                    : EngineRights.read(identity, () -> identity.createGroupQuery().groupMember(assignee).list()
                            .stream().map(Group::getId).toList());
            String refusal = refusal(assignee, holders, groups);
            if (refusal != null) {
                throw new TaskAssignmentRefusedException(refusal);
            }
        }
        String invoiceNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (invoiceNumber != null && assignee != null && holders.regulationAssignee() != null
                && !assignee.equals(holders.regulationAssignee())) {
            audit.record(invoiceNumber, CaseEventType.TASK_TAKEN_OVER, person.getUserId(),
                    task.getBpmnModelElementInstance().getName() + ": now held by " + assignee + " instead of "
                            + holders.regulationAssignee());
        }
    }
}
