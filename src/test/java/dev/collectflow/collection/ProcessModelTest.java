package dev.collectflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.finance.WriteOffReason;
import dev.collectflow.legal.EscalationReason;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Guards what a reviewer of the models would otherwise have to remember, for every model in bpmn/ (the collection
 * process and whatever joins it). Reads bpmn/ and forms/ as files, no engine.
 */
class ProcessModelTest {

    private static final Path BPMN = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern BEAN = Pattern.compile("^\\$\\{(\\w+)}$");
    /** A retry cycle like R5/PT10M: a number of retries and a pause between them. */
    private static final Pattern RETRY_CYCLE = Pattern.compile("^R([1-9]\\d*)/PT([1-9]\\d*)[MH]$");
    private static final Pattern SETS_VARIABLE =
            Pattern.compile("^\\$\\{execution\\.setVariable\\('(\\w+)', '(\\w+)'\\)}$");

    private static Map<String, BpmnModelInstance> models;
    private static BpmnModelInstance collection;
    private static Map<String, Class<?>> beans;

    @BeforeAll
    static void read() throws Exception {
        models = new TreeMap<>();
        try (Stream<Path> files = Files.list(BPMN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
            }
        }
        collection = models.get(InvoiceCollectionProcess.KEY + ".bpmn");
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        beans = new HashMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("dev.collectflow")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            String name = type.getAnnotation(Component.class) != null && !type.getAnnotation(Component.class).value().isEmpty()
                    ? type.getAnnotation(Component.class).value()
                    : Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
            beans.put(name, type);
        }
    }

    @Test
    void everyModelIsExecutableWithHistoryTimeToLiveAndALayout() {
        assertThat(models).containsKey(InvoiceCollectionProcess.KEY + ".bpmn");
        models.forEach((file, instance) -> {
            Bpmn.validateModel(instance);
            Collection<Process> processes = instance.getModelElementsByType(Process.class);
            assertThat(processes).allSatisfy(p -> {
                assertThat(p.isExecutable()).isTrue();
                assertThat(p.getCamundaHistoryTimeToLiveString()).as(p.getId()).isNotBlank();
                assertThat(file).isEqualTo(p.getId() + ".bpmn");
            });
            Set<String> drawn = instance.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
            assertThat(drawn).as(file + ": elements with a shape in the diagram")
                    .containsAll(ids(instance.getModelElementsByType(FlowNode.class)))
                    .containsAll(ids(instance.getModelElementsByType(Lane.class)));
        });
    }

    @Test
    void theCollectionShowsWhichDepartmentHoldsEachStep() {
        assertThat(collection.getModelElementsByType(Lane.class)).extracting(Lane::getName)
                .containsExactlyInAnyOrder("Finance", "Sales", "Management", "Legal", "CollectFlow");
    }

    /** Lanes partition a process's steps; a step inside a sub-process belongs to the lane of its sub-process. */
    @Test
    void inAModelWithLanesEveryStepSitsInExactlyOneLane() {
        models.forEach((file, instance) -> {
            Collection<Lane> lanes = instance.getModelElementsByType(Lane.class);
            if (lanes.isEmpty()) {
                return;
            }
            for (Process process : instance.getModelElementsByType(Process.class)) {
                assertThat(process.getChildElementsByType(FlowNode.class)).as(file).isNotEmpty()
                        .allSatisfy(node -> assertThat(lanes.stream().filter(l -> l.getFlowNodeRefs().contains(node)))
                                .as(file + ": " + node.getId() + " sits in one lane").hasSize(1));
            }
        });
    }

    @Test
    void idsFollowOneScheme() {
        Map<Class<? extends BaseElement>, String> prefixes = Map.ofEntries(
                Map.entry(StartEvent.class, "StartEvent_"), Map.entry(EndEvent.class, "EndEvent_"),
                Map.entry(UserTask.class, "Task_"), Map.entry(ServiceTask.class, "Task_"),
                Map.entry(ExclusiveGateway.class, "Gateway_"), Map.entry(IntermediateCatchEvent.class, "Event_"),
                Map.entry(BoundaryEvent.class, "BoundaryEvent_"), Map.entry(SubProcess.class, "SubProcess_"),
                Map.entry(SequenceFlow.class, "Flow_"), Map.entry(Message.class, "Message_"),
                Map.entry(Lane.class, "Lane_"), Map.entry(Participant.class, "Participant_"));
        models.forEach((file, instance) -> prefixes.forEach((type, prefix) ->
                assertThat(instance.getModelElementsByType(type)).allSatisfy(element ->
                        assertThat(element.getId()).as(file + ": " + type.getSimpleName())
                                .matches(Pattern.quote(prefix) + "[A-Z][A-Za-z]+"))));
    }

    @Test
    void theDescriptorNamesEveryActivityAndEveryWaitStateShowsAStage() throws IllegalAccessException {
        Set<String> described = constants(InvoiceCollectionProcess.Activities.class);
        Set<String> activities = collection.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> !(node instanceof ExclusiveGateway) && !(node instanceof SubProcess))
                .map(BaseElement::getId).collect(Collectors.toSet());
        assertThat(described).containsExactlyInAnyOrderElementsOf(activities);

        // steps beside the regulation (a new owner taking over) run alongside a stage and mark none
        Stream.of(UserTask.class, ServiceTask.class, IntermediateCatchEvent.class)
                .flatMap(type -> collection.getModelElementsByType(type).stream())
                .filter(node -> !besideTheRegulation(node))
                .forEach(node -> assertThat(CaseStage.marks(node.getId())).as(node.getId()).isTrue());

        BpmnModelInstance pressureScale = models.get(dev.collectflow.pressure.PressureScaleProcess.KEY + ".bpmn");
        assertThat(constants(dev.collectflow.pressure.PressureScaleProcess.Activities.class))
                .containsExactlyInAnyOrderElementsOf(pressureScale.getModelElementsByType(FlowNode.class).stream()
                        .filter(node -> !(node instanceof ExclusiveGateway) && !(node instanceof SubProcess))
                        .map(BaseElement::getId).collect(Collectors.toSet()));
    }

    /** The tasks that follow the client's new owner are exactly those the model gives the case's sales manager. */
    @Test
    void theDescriptorNamesTheSalesManagersTasks() {
        assertThat(collection.getModelElementsByType(UserTask.class).stream()
                .filter(task -> "${salesManager}".equals(task.getCamundaAssignee())).map(BaseElement::getId))
                .containsExactlyInAnyOrderElementsOf(InvoiceCollectionProcess.SALES_MANAGERS_TASKS);
    }

    @Test
    void theRegisterInvoiceDescriptorNamesEveryActivity() throws IllegalAccessException {
        BpmnModelInstance register = Bpmn.readModelFromFile(BPMN.resolve("RegisterInvoiceProcess.bpmn").toFile());
        Set<String> activities = register.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> !(node instanceof ExclusiveGateway)).map(BaseElement::getId).collect(Collectors.toSet());
        assertThat(constants(dev.collectflow.ledger.RegisterInvoiceProcess.Activities.class))
                .containsExactlyInAnyOrderElementsOf(activities);
        assertThat(register.getModelElementsByType(Process.class)).allSatisfy(p -> {
            assertThat(p.isCamundaStartableInTasklist()).isTrue();
            assertThat(p.getId()).isEqualTo(dev.collectflow.ledger.RegisterInvoiceProcess.KEY);
        });
    }

    @Test
    void decisionsAreQuestionsWithLabelledConditionalAnswers() {
        models.forEach((file, instance) -> {
            for (ExclusiveGateway gateway : instance.getModelElementsByType(ExclusiveGateway.class)) {
                if (gateway.getOutgoing().size() > 1) {
                    assertThat(gateway.getName()).as(gateway.getId()).endsWith("?");
                    assertThat(gateway.getOutgoing()).allSatisfy(flow -> {
                        assertThat(flow.getName()).as(flow.getId()).isNotBlank();
                        assertThat(flow.getConditionExpression()).as(flow.getId()).isNotNull();
                    });
                } else {
                    assertThat(gateway.getName()).as("join " + gateway.getId() + " is unlabelled").isNull();
                }
            }
        });
    }

    /**
     * Why a case went to legal or was written off is recorded on the way that was taken, visibly in the model: every
     * flow into the escalation and write-off joins names its reason, and the reasons are the ones the code knows.
     */
    @Test
    void everyWayToLegalAndToAWriteOffRecordsItsReason() {
        Map<String, Object> escalation = reasonsInto("Gateway_EscalateToLegal",
                InvoiceCollectionProcess.Variables.ESCALATION_REASON);
        assertThat(escalation.values()).containsExactlyInAnyOrder((Object[]) Arrays.stream(EscalationReason.values())
                .map(Enum::name).toArray());
        Map<String, Object> writeOff = reasonsInto("Gateway_WriteOff", InvoiceCollectionProcess.Variables.WRITE_OFF_REASON);
        assertThat(writeOff.values()).containsExactlyInAnyOrder((Object[]) Arrays.stream(WriteOffReason.values())
                .map(Enum::name).toArray());
    }

    @Test
    void everyUserTaskHasADeployedFormAnOwnerAndACompletionCheck() throws IOException {
        Set<String> formsUsed = new HashSet<>();
        for (BpmnModelInstance instance : models.values()) {
            for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaAssignee() != null || task.getCamundaCandidateGroups() != null)
                        .as(task.getId() + " has an assignee or a candidate group").isTrue();
                assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
                String formRef = task.getCamundaFormRef();
                File form = FORMS.resolve(formRef + ".form").toFile();
                assertThat(form).as(task.getId() + " form").exists();
                assertThat(new ObjectMapper().readTree(form).get("id").asText()).isEqualTo(formRef);
                formsUsed.add(formRef);

                List<CamundaTaskListener> listeners = task.getExtensionElements()
                        .getElementsQuery().filterByType(CamundaTaskListener.class).list();
                assertThat(listeners).as(task.getId() + " tells its form which case it is")
                        .anySatisfy(l -> assertThat(l.getCamundaDelegateExpression()).isEqualTo("${caseTaskContext}"));
                List<String> completions = listeners.stream().filter(l -> "complete".equals(l.getCamundaEvent()))
                        .map(CamundaTaskListener::getCamundaDelegateExpression).toList();
                assertThat(completions).as(task.getId() + " checks its input on completion").hasSize(1);
                assertThat(bean(completions.get(0))).as(completions.get(0)).isAssignableTo(TaskCompletion.class);
                assertThat(listeners).as(task.getId() + " checks who may hold it")
                        .anySatisfy(l -> assertThat(l.getCamundaEvent() + " " + l.getCamundaDelegateExpression())
                                .isEqualTo("assignment ${taskAssignment}"));
                listeners.forEach(l -> bean(l.getCamundaDelegateExpression()));
            }
        }
        for (BpmnModelInstance each : models.values()) {
            for (StartEvent start : each.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    assertThat(start.getCamundaFormRefBinding()).as(start.getId()).isEqualTo("deployment");
                    File form = FORMS.resolve(start.getCamundaFormRef() + ".form").toFile();
                    assertThat(form).as(start.getId() + " form").exists();
                    assertThat(new ObjectMapper().readTree(form).get("id").asText()).isEqualTo(start.getCamundaFormRef());
                    formsUsed.add(start.getCamundaFormRef());
                }
            }
        }
        try (Stream<Path> files = Files.list(FORMS)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".form", "")))
                    .as("every form belongs to a task").containsExactlyInAnyOrderElementsOf(formsUsed);
        }
    }

    @Test
    void formFieldsOfTheCollectionAreNamedAsTheVariablesTheySet() throws Exception {
        Set<String> variables = constants(InvoiceCollectionProcess.Variables.class);
        variables.addAll(constants(dev.collectflow.pressure.PressureScaleProcess.Variables.class));
        List<UserTask> tasks = new ArrayList<>(collection.getModelElementsByType(UserTask.class));
        tasks.addAll(models.get(dev.collectflow.pressure.PressureScaleProcess.KEY + ".bpmn")
                .getModelElementsByType(UserTask.class));
        for (UserTask task : tasks) {
            Path file = FORMS.resolve(task.getCamundaFormRef() + ".form");
            List<String> keys = new ArrayList<>();
            new ObjectMapper().readTree(file.toFile()).get("components")
                    .forEach(component -> keys.addAll(keys(component)));
            assertThat(variables).as(file.toString()).containsAll(keys);
        }
    }

    @Test
    void theRegisterInvoiceStartFormIsNamedAsTheVariablesItSets() throws Exception {
        Set<String> variables = constants(dev.collectflow.ledger.RegisterInvoiceProcess.Variables.class);
        for (StartEvent start : models.get(dev.collectflow.ledger.RegisterInvoiceProcess.KEY + ".bpmn")
                .getModelElementsByType(StartEvent.class)) {
            Path file = FORMS.resolve(start.getCamundaFormRef() + ".form");
            List<String> keys = new ArrayList<>();
            new ObjectMapper().readTree(file.toFile()).get("components")
                    .forEach(component -> keys.addAll(keys(component)));
            assertThat(keys).as(file.toString()).isNotEmpty();
            assertThat(variables).as(file.toString()).containsAll(keys);
        }
    }

    @Test
    void serviceTasksAreGlueToExistingBeans() {
        for (BpmnModelInstance instance : models.values()) {
            for (ServiceTask task : instance.getModelElementsByType(ServiceTask.class)) {
                assertThat(task.getCamundaClass()).as(task.getId()).isNull();
                assertThat(bean(task.getCamundaDelegateExpression())).as(task.getId())
                        .isAssignableTo(org.camunda.bpm.engine.delegate.JavaDelegate.class);
            }
        }
    }

    @Test
    void stepsThatSendMailAreSavePointsWithRetries() {
        List<String> mailing = new ArrayList<>();
        for (BpmnModelInstance instance : models.values()) {
            for (ServiceTask task : instance.getModelElementsByType(ServiceTask.class)) {
                Class<?> delegate = bean(task.getCamundaDelegateExpression());
                if (Arrays.stream(delegate.getDeclaredFields()).noneMatch(f -> mails(f.getType()))) {
                    continue;
                }
                mailing.add(task.getId());
                assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isTrue();
                assertThat(task.isCamundaAsyncAfter()).as(task.getId() + " asyncAfter").isTrue();
                CamundaFailedJobRetryTimeCycle cycle = task.getExtensionElements() == null ? null
                        : task.getExtensionElements().getElementsQuery()
                                .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult();
                assertThat(cycle).as(task.getId() + " says how often a failed mail is retried").isNotNull();
                Matcher retries = RETRY_CYCLE.matcher(cycle.getTextContent().strip());
                assertThat(retries.matches()).as(task.getId() + " retry cycle " + cycle.getTextContent()).isTrue();
                assertThat(Integer.parseInt(retries.group(1))).as(task.getId() + " retries").isGreaterThanOrEqualTo(3);
            }
        }
        assertThat(mailing).as("the mailing steps found").contains("Task_NotifyOverdue", "Task_HandOverToLegal",
                "Task_ReportClaimPeriodPassed", "Task_NotifyInvoicePaid", "Task_TellNewOwner", "Task_SendFriendlyReminder",
                "Task_SendFinalWarning");
    }

    /** A delegate mails when the service it calls uses the Notifier (staff) or the ClientMailer (clients). */
    private static boolean mails(Class<?> service) {
        return Arrays.stream(service.getDeclaredFields())
                .anyMatch(f -> f.getType() == dev.collectflow.notification.Notifier.class
                        || f.getType() == dev.collectflow.notification.ClientMailer.class);
    }

    /** Inside a non-interrupting event sub-process: runs beside the case's stage. */
    private static boolean besideTheRegulation(FlowNode node) {
        return node.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent()
                && sub.getChildElementsByType(StartEvent.class).stream().noneMatch(StartEvent::isInterrupting);
    }

    /** For each flow into the join, the value its take listener gives the variable. */
    private static Map<String, Object> reasonsInto(String joinId, String variable) {
        FlowNode join = collection.getModelElementById(joinId);
        Map<String, Object> reasons = new TreeMap<>();
        for (SequenceFlow flow : join.getIncoming()) {
            List<CamundaExecutionListener> listeners = flow.getExtensionElements() == null ? List.of()
                    : flow.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list();
            List<String> set = listeners.stream().filter(l -> "take".equals(l.getCamundaEvent()))
                    .map(CamundaExecutionListener::getCamundaExpression)
                    .map(SETS_VARIABLE::matcher).filter(Matcher::matches)
                    .filter(m -> m.group(1).equals(variable)).map(m -> m.group(2)).toList();
            assertThat(set).as(flow.getId() + " records " + variable).hasSize(1);
            reasons.put(flow.getId(), set.get(0));
        }
        return reasons;
    }

    private static Class<?> bean(String expression) {
        Matcher matcher = BEAN.matcher(expression == null ? "" : expression);
        assertThat(matcher.matches()).as(expression + " is ${beanName}").isTrue();
        Class<?> type = beans.get(matcher.group(1));
        assertThat(type).as("bean " + matcher.group(1)).isNotNull();
        return type;
    }

    private static List<String> keys(JsonNode component) {
        List<String> keys = new ArrayList<>();
        if (component.hasNonNull("key")) {
            keys.add(component.get("key").asText());
        }
        if (component.has("components")) {
            component.get("components").forEach(child -> keys.addAll(keys(child)));
        }
        return keys;
    }

    private static Set<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
    }

    private static Set<String> constants(Class<?> holder) throws IllegalAccessException {
        Set<String> values = new HashSet<>();
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}
