package dev.collectflow.processtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of the fast suite (see junit-platform.properties) and checks that the fast
 * process tests together took every sequence flow of every model in bpmn/. Writes the report to
 * target/process-test-coverage/ (index.html for people, coverage.json for tools) and fails below 100 %.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

    private static final Path REPORT = Path.of("target", "process-test-coverage");

    record Flow(String process, String id, String from, String to, Set<String> tests) {
        boolean taken() {
            return !tests.isEmpty();
        }
    }

    @Test
    void theFastProcessTestsWalkEverySequenceFlowOfEveryModel() throws IOException {
        Map<String, Map<String, Set<String>>> taken = FlowCoverage.taken();
        List<Flow> flows = new ArrayList<>();
        for (Path model : ProcessTestEngine.models()) {
            BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
            for (SequenceFlow flow : instance.getModelElementsByType(SequenceFlow.class)) {
                String process = processOf(flow).getId();
                flows.add(new Flow(process, flow.getId(), name(flow.getSource()), name(flow.getTarget()),
                        taken.getOrDefault(process, Map.of()).getOrDefault(flow.getId(), Set.of())));
            }
        }
        write(flows);

        assertThat(flows).as("sequence flows in bpmn/").isNotEmpty();
        assertThat(flows.stream().filter(f -> !f.taken()).map(f -> f.process() + "." + f.id()))
                .as("sequence flows no fast process test takes (report: " + REPORT.resolve("index.html")
                        + "; run the whole fast suite, not this class alone)")
                .isEmpty();
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static String name(FlowNode node) {
        return node.getName() == null ? node.getId() : node.getName().replace('\n', ' ');
    }

    private static void write(List<Flow> flows) throws IOException {
        Files.createDirectories(REPORT);
        Map<String, List<Flow>> byProcess = flows.stream()
                .collect(Collectors.groupingBy(Flow::process, TreeMap::new, Collectors.toList()));
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Process test coverage</title>
                <style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left;vertical-align:top}
                .no{background:#fdd}</style></head><body><h1>Sequence flows walked by the fast process tests</h1>
                """);
        StringBuilder json = new StringBuilder("{\n");
        int p = 0;
        for (Map.Entry<String, List<Flow>> process : byProcess.entrySet()) {
            List<Flow> all = process.getValue();
            long walked = all.stream().filter(Flow::taken).count();
            html.append("<h2>").append(escape(process.getKey())).append(": ").append(walked).append(" of ")
                    .append(all.size()).append(" (").append(percent(walked, all.size())).append(" %)</h2>")
                    .append("<table><tr><th>flow</th><th>from</th><th>to</th><th>walked by</th></tr>");
            for (Flow flow : all) {
                html.append(flow.taken() ? "<tr>" : "<tr class=\"no\">")
                        .append("<td>").append(escape(flow.id())).append("</td><td>").append(escape(flow.from()))
                        .append("</td><td>").append(escape(flow.to())).append("</td><td>")
                        .append(flow.taken() ? escape(String.join(", ", flow.tests())) : "NOT WALKED")
                        .append("</td></tr>");
            }
            html.append("</table>");
            json.append(p++ == 0 ? "" : ",\n").append("  \"").append(process.getKey()).append("\": {\"flows\": ")
                    .append(all.size()).append(", \"walked\": ").append(walked).append(", \"notWalked\": [")
                    .append(all.stream().filter(f -> !f.taken()).map(f -> "\"" + f.id() + "\"")
                            .collect(Collectors.joining(", ")))
                    .append("]}");
        }
        html.append("</body></html>\n");
        json.append("\n}\n");
        Files.writeString(REPORT.resolve("index.html"), html);
        Files.writeString(REPORT.resolve("coverage.json"), json);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "100" : String.valueOf(Math.floorDiv(part * 100, whole));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
