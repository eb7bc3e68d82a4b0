package dev.collectflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Guards what a reviewer of the models would otherwise have to remember. Reads bpmn/ and forms/ as files, no engine.
 */
class ProcessModelTest {

    private static final Path BPMN = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern BEAN = Pattern.compile("^\\$\\{(\\w+)}$");

    private static BpmnModelInstance model;
    /** Every model in bpmn/: the rules below hold for each. */
    private static List<BpmnModelInstance> models;
    private static Map<String, Class<?>> beans;

    @BeforeAll
    static void read() throws Exception {
        model = Bpmn.readModelFromFile(BPMN.resolve("InvoiceCollectionProcess.bpmn").toFile());
        try (Stream<Path> files = Files.list(BPMN)) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted()
                    .map(f -> Bpmn.readModelFromFile(f.toFile())).toList();
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        beans = new java.util.HashMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("dev.collectflow")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            String name = type.getAnnotation(Component.class) != null && !type.getAnnotation(Component.class).value().isEmpty()
                    ? type.getAnnotation(Component.class).value()
                    : Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
            beans.put(name, type);
        }
    }

    @Test
    void everyModelIsExecutableWithHistoryTimeToLiveAndALayout() throws IOException {
        try (Stream<Path> files = Files.list(BPMN)) {
            List<Path> models = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
            assertThat(models).isNotEmpty();
            for (Path file : models) {
                BpmnModelInstance instance = Bpmn.readModelFromFile(file.toFile());
                Bpmn.validateModel(instance);
                Collection<Process> processes = instance.getModelElementsByType(Process.class);
                assertThat(processes).allSatisfy(p -> {
                    assertThat(p.isExecutable()).isTrue();
                    assertThat(p.getCamundaHistoryTimeToLiveString()).as(p.getId()).isNotBlank();
                    assertThat(file.getFileName().toString()).isEqualTo(p.getId() + ".bpmn");
                });
                Set<String> drawn = instance.getModelElementsByType(BpmnShape.class).stream()
                        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
                assertThat(drawn).as("elements with a shape in the diagram")
                        .containsAll(ids(instance.getModelElementsByType(FlowNode.class)));
            }
        }
    }

    @Test
    void idsFollowOneScheme() {
        Map<Class<? extends BaseElement>, String> prefixes = Map.of(
                StartEvent.class, "StartEvent_", EndEvent.class, "EndEvent_", UserTask.class, "Task_",
                ServiceTask.class, "Task_", ExclusiveGateway.class, "Gateway_", IntermediateCatchEvent.class, "Event_",
                BoundaryEvent.class, "BoundaryEvent_", SubProcess.class, "SubProcess_", SequenceFlow.class, "Flow_",
                Message.class, "Message_");
        models.forEach(model -> prefixes.forEach((type, prefix) -> assertThat(model.getModelElementsByType(type))
                .allSatisfy(element -> assertThat(element.getId()).as(type.getSimpleName())
                        .matches(Pattern.quote(prefix) + "[A-Z][A-Za-z]+"))));
    }

    @Test
    void theDescriptorNamesEveryActivityAndEveryWaitStateShowsAStage() throws IllegalAccessException {
        Set<String> described = constants(InvoiceCollectionProcess.Activities.class);
        Set<String> activities = model.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> !(node instanceof ExclusiveGateway) && !(node instanceof SubProcess))
                .map(BaseElement::getId).collect(Collectors.toSet());
        assertThat(described).containsExactlyInAnyOrderElementsOf(activities);

        Stream.of(UserTask.class, ServiceTask.class, IntermediateCatchEvent.class)
                .flatMap(type -> model.getModelElementsByType(type).stream())
                .forEach(node -> assertThat(CaseStage.marks(node.getId())).as(node.getId()).isTrue());

        BpmnModelInstance pressureScale = models.stream()
                .filter(m -> m.getModelElementById(dev.collectflow.pressure.PressureScaleProcess.KEY) != null)
                .findFirst().orElseThrow();
        assertThat(constants(dev.collectflow.pressure.PressureScaleProcess.Activities.class))
                .containsExactlyInAnyOrderElementsOf(pressureScale.getModelElementsByType(FlowNode.class).stream()
                        .filter(node -> !(node instanceof ExclusiveGateway) && !(node instanceof SubProcess))
                        .map(BaseElement::getId).collect(Collectors.toSet()));
    }

    @Test
    void decisionsAreQuestionsWithLabelledConditionalAnswers() {
        for (ExclusiveGateway gateway : all(ExclusiveGateway.class)) {
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
    }

    @Test
    void everyUserTaskHasADeployedFormAnOwnerAndACompletionCheck() throws IOException {
        Collection<UserTask> userTasks = all(UserTask.class);
        assertThat(userTasks).isNotEmpty();
        Set<String> formsUsed = new HashSet<>();
        for (UserTask task : userTasks) {
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
            listeners.forEach(l -> bean(l.getCamundaDelegateExpression()));
        }
        try (Stream<Path> files = Files.list(FORMS)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".form", "")))
                    .as("every form belongs to a task").containsExactlyInAnyOrderElementsOf(formsUsed);
        }
    }

    @Test
    void formFieldsAreNamedAsTheVariablesTheySet() throws Exception {
        Set<String> variables = constants(InvoiceCollectionProcess.Variables.class);
        variables.addAll(constants(dev.collectflow.pressure.PressureScaleProcess.Variables.class));
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.toList()) {
                List<String> keys = new ArrayList<>();
                new ObjectMapper().readTree(file.toFile()).get("components")
                        .forEach(component -> keys.addAll(keys(component)));
                assertThat(variables).as(file.toString()).containsAll(keys);
            }
        }
    }

    @Test
    void serviceTasksAreGlueToExistingBeans() {
        for (ServiceTask task : all(ServiceTask.class)) {
            assertThat(task.getCamundaClass()).as(task.getId()).isNull();
            assertThat(bean(task.getCamundaDelegateExpression())).as(task.getId())
                    .isAssignableTo(org.camunda.bpm.engine.delegate.JavaDelegate.class);
        }
    }

    @Test
    void stepsThatSendMailAreSavePointsWithRetries() {
        for (ServiceTask task : all(ServiceTask.class)) {
            Class<?> delegate = bean(task.getCamundaDelegateExpression());
            boolean mails = Arrays.stream(delegate.getDeclaredFields()).anyMatch(f -> mailing(f.getType()));
            if (mails) {
                assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isTrue();
                assertThat(task.isCamundaAsyncAfter()).as(task.getId() + " asyncAfter").isTrue();
            }
        }
    }

    /** A delegate mails when the service it calls uses the Notifier (staff) or the ClientMailer (clients). */
    private static boolean mailing(Class<?> service) {
        return Arrays.stream(service.getDeclaredFields())
                .anyMatch(f -> f.getType() == dev.collectflow.notification.Notifier.class
                        || f.getType() == dev.collectflow.notification.ClientMailer.class);
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> List<T> all(Class<T> type) {
        return models.stream().flatMap(m -> m.getModelElementsByType(type).stream()).toList();
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
