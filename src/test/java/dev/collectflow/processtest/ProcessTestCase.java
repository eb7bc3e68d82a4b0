package dev.collectflow.processtest;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the fast process tests share: the test engine, a stand-in ({@link Glue}) for every bean the models name as
 * delegate or listener, the engine's clock at a fixed start, and jobs executed on demand. Subclasses register real
 * helpers (deadline arithmetic, a stub for the domain) where a model calls bean methods in expressions.
 */
public abstract class ProcessTestCase {

    /** A Monday, 10:00 in Berlin: every fast test starts here. */
    protected static final Instant START = Instant.parse("2027-01-11T09:00:00Z");
    protected static final LocalDate TODAY = LocalDate.of(2027, 1, 11);
    protected static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** ${beanName} as delegate or listener expression in a model. */
    private static final Pattern GLUE = Pattern.compile("(?:delegateExpression)=\"\\$\\{(\\w+)}\"");

    /** Per test instance: the shared engine outlives every test class. */
    @RegisterExtension
    final ProcessEngineExtension extension = extension();

    protected ProcessEngine engine;
    private final Map<String, Glue> glue = new HashMap<>();

    /** The engine's time as a {@link Clock}, so application helpers compute with the time the test set. */
    protected static final Clock ENGINE_CLOCK = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return Clock.fixed(instant(), zone); }
        @Override public Instant instant() { return ClockUtil.getCurrentTime().toInstant(); }
    };

    @BeforeEach
    void prepare(TestInfo test) {
        engine = ProcessTestEngine.get();
        init(engine);
        ClockUtil.setCurrentTime(Date.from(START));
        FlowCoverage.testStarts(getClass().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName());
        Mocks.reset();
        for (String bean : beansNamedInModels()) {
            Glue stand = new Glue(bean);
            glue.put(bean, stand);
            Mocks.register(bean, stand);
        }
    }

    @AfterEach
    void cleanUp() {
        Mocks.reset();
        ClockUtil.reset();
    }

    /** The stand-in for a bean the models name. */
    protected Glue glue(String bean) {
        Glue stand = glue.get(bean);
        if (stand == null) {
            throw new IllegalArgumentException("No model names a bean " + bean);
        }
        return stand;
    }

    protected void register(String bean, Object helper) {
        Mocks.register(bean, helper);
    }

    /** Moves the engine's clock. */
    protected void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Executes the instance's asynchronous continuations (not its timers) until none is left. */
    protected void continueAsync(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            List<Job> waiting = engine.getManagementService().createJobQuery()
                    .processInstanceId(instance.getId()).messages().list();
            if (waiting.isEmpty()) {
                return;
            }
            waiting.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new IllegalStateException("Asynchronous steps keep coming for " + instance.getId());
    }

    /** The instance's single timer. */
    protected Job timer(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
    }

    /** Fires the instance's single timer by executing its job (at the time it is due), then continues. */
    protected void fireTimer(ProcessInstance instance) {
        fire(instance, timer(instance));
    }

    /** The instance's timer at one activity, where several timers wait at once. */
    protected Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(activityId).singleResult();
    }

    /** Fires the instance's timer at one activity (at the time it is due), then continues. */
    protected void fireTimer(ProcessInstance instance, String activityId) {
        fire(instance, timer(instance, activityId));
    }

    private void fire(ProcessInstance instance, Job timer) {
        at(timer.getDuedate().toInstant());
        engine.getManagementService().executeJob(timer.getId());
        continueAsync(instance);
    }

    /** Camunda's extension on the shared engine (it resets the engine's clock after each test). */
    private static ProcessEngineExtension extension() {
        ProcessEngine engine = ProcessTestEngine.get();
        ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine).build();
        extension.setProcessEngineConfiguration((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
        return extension;
    }

    private static List<String> beansNamedInModels() {
        return ProcessTestEngine.models().stream().flatMap(model -> {
            try {
                Matcher matcher = GLUE.matcher(Files.readString(model));
                return matcher.results().map(result -> result.group(1)).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).distinct().toList();
    }
}
