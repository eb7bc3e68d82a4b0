package dev.collectflow.processtest;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Which sequence flows of which process the fast process tests took, and in which tests. A parse listener gives
 * every sequence flow of every deployed model a "take" listener, so nothing in the models has to change for it.
 */
public final class FlowCoverage {

    /** process key → flow id → the tests that took the flow */
    private static final Map<String, Map<String, Set<String>>> TAKEN = new ConcurrentHashMap<>();
    private static volatile String currentTest = "(no test)";

    private FlowCoverage() {
    }

    static void testStarts(String test) {
        currentTest = test;
    }

    /** A copy of what was taken so far: process key → flow id → tests. */
    public static Map<String, Map<String, Set<String>>> taken() {
        Map<String, Map<String, Set<String>>> copy = new TreeMap<>();
        TAKEN.forEach((process, flows) -> {
            Map<String, Set<String>> byFlow = new TreeMap<>();
            flows.forEach((flow, tests) -> byFlow.put(flow, new TreeSet<>(tests)));
            copy.put(process, byFlow);
        });
        return copy;
    }

    private static void took(String process, String flow) {
        TAKEN.computeIfAbsent(process, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(flow, f -> ConcurrentHashMap.newKeySet())
                .add(currentTest);
    }

    /** Registered with the test engine: every sequence flow reports when it is taken. */
    static final class Listener extends AbstractBpmnParseListener {

        @Override
        public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
            String process = ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
            String flow = transition.getId();
            transition.addListener(ExecutionListener.EVENTNAME_TAKE,
                    (ExecutionListener) (DelegateExecution execution) -> took(process, flow));
        }
    }
}
