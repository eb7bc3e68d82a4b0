package dev.collectflow.operations;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The process engine is built only after Flyway has migrated the database: with {@code schema-update} off the engine
 * expects its tables, which {@link CamundaSchema} creates. Registered in {@code META-INF/spring.factories}.
 */
public class EngineAfterSchema implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return Arrays.stream(beanFactory.getBeanNamesForType(ProcessEngine.class, true, false))
                .map(BeanFactoryUtils::transformedBeanName)
                .collect(Collectors.toSet());
    }
}
