package dev.collectflow.processtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * One in-memory engine for all fast process tests: no Spring, beans named in the models resolved from Camunda's
 * test {@code Mocks}, jobs executed by the tests, every sequence flow reporting to {@link FlowCoverage}. Every model
 * in {@code bpmn/} and every form in {@code forms/} are deployed once, together, as the application deploys them.
 */
public final class ProcessTestEngine {

    private static ProcessEngine engine;

    private ProcessTestEngine() {
    }

    public static synchronized ProcessEngine get() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("fast-process-tests");
            configuration.setJdbcUrl("jdbc:h2:mem:fast-process-tests;DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setJobExecutorActivate(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(new FlowCoverage.Listener())));
            engine = configuration.buildProcessEngine();
            deployModelsAndForms(engine);
        }
        return engine;
    }

    /** The model files, as the application deploys them. */
    public static List<Path> models() {
        return files(Path.of("bpmn"), ".bpmn");
    }

    private static void deployModelsAndForms(ProcessEngine engine) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("fast-process-tests");
        List<Path> resources = new ArrayList<>(files(Path.of("bpmn"), ".bpmn"));
        resources.addAll(files(Path.of("bpmn"), ".dmn"));
        resources.addAll(files(Path.of("forms"), ".form"));
        for (Path resource : resources) {
            try (InputStream in = Files.newInputStream(resource)) {
                deployment.addInputStream(resource.getParent().getFileName() + "/" + resource.getFileName(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deployment.deploy();
    }

    private static List<Path> files(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
