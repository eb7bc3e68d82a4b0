package dev.collectflow.collection;

import dev.collectflow.system.PlainText;
import dev.collectflow.system.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;

/**
 * Reads the variables a person (or an integration) submits to complete a task and collects everything wrong with
 * them, so the answer names every bad field at once. Forms in Tasklist check the same rules in the browser; this is
 * the check that also holds for {@code /engine-rest}.
 */
public final class TaskInput {

    private static final int MAX_TEXT = 2000;
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String taskName;
    private final Date created;
    private final String assignee;
    private final String invoiceNumber;
    private final Function<String, Object> variables;
    private final IdentityService identity;
    private final List<Violation> violations = new ArrayList<>();

    private TaskInput(String taskName, Date created, String assignee, String invoiceNumber,
                      Function<String, Object> variables, IdentityService identity) {
        this.taskName = taskName;
        this.created = created;
        this.assignee = assignee;
        this.invoiceNumber = invoiceNumber;
        this.variables = variables;
        this.identity = identity;
    }

    /** The input of a task being completed, as its complete listener sees it. */
    public static TaskInput of(DelegateTask task) {
        return new TaskInput(task.getName(), task.getCreateTime(), task.getAssignee(),
                task.getExecution().getProcessBusinessKey(), task::getVariable,
                task.getProcessEngineServices().getIdentityService());
    }

    /**
     * The input a completion request would give a task: the submitted variables, else what the task already sees
     * (as the engine resolves them once the request is applied).
     */
    public static TaskInput of(Task task, String invoiceNumber, Map<String, Object> submitted,
                               Function<String, Object> existing, IdentityService identity) {
        return new TaskInput(task.getName(), task.getCreateTime(), task.getAssignee(), invoiceNumber,
                name -> submitted.containsKey(name) ? submitted.get(name) : existing.apply(name), identity);
    }

    public Object variable(String name) {
        return variables.apply(name);
    }

    public String requiredText(String name) {
        String text = optionalText(name);
        if (text == null && isValid(name)) {
            reject(name, "is required");
        }
        return text;
    }

    /**
     * Text or null; surrounding blanks are dropped and blank counts as absent. Line breaks are fine (notes and
     * reasons span lines); control, direction-changing and invisible characters are refused.
     */
    public String optionalText(String name) {
        Object value = variable(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            reject(name, "must be text");
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT) {
            reject(name, "must not be longer than " + MAX_TEXT + " characters");
            return null;
        }
        String problem = PlainText.problem(trimmed, true);
        if (problem != null) {
            reject(name, problem);
            return null;
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** One of the enum's names, e.g. "PROMISE". */
    public <E extends Enum<E>> E requiredChoice(String name, Class<E> choices) {
        String text = requiredText(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(choices, text);
        } catch (IllegalArgumentException e) {
            reject(name, "must be one of " + List.of(choices.getEnumConstants()));
            return null;
        }
    }

    /**
     * A calendar day as text, "2026-12-31" (what date fields in forms submit). A Camunda {@code Date} is refused: it
     * is an instant, whose calendar day depends on a time zone the sender did not say, so the answer would be a guess.
     */
    public LocalDate requiredDate(String name, ZoneId zone) {
        Object value = variable(name);
        if (value == null || value instanceof String text && text.isBlank()) {
            reject(name, "is required");
            return null;
        }
        if (value instanceof Date) {
            reject(name, "must be a day as text like 2026-12-31 (type String), not a Camunda Date");
            return null;
        }
        if (value instanceof String text && ISO_DAY.matcher(text.strip()).matches()) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        reject(name, "must be a date like 2026-12-31");
        return null;
    }

    public Integer requiredWholeNumber(String name, int min, int max) {
        Object value = variable(name);
        if (value == null) {
            reject(name, "is required");
            return null;
        }
        BigDecimal number = toNumber(value);
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            reject(name, "must be a whole number");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            reject(name, "must be between " + min + " and " + max);
            return null;
        }
        return number.intValue();
    }

    /** A non-negative amount of money with at most two decimals. */
    public BigDecimal requiredAmount(String name) {
        Object value = variable(name);
        if (value == null || value instanceof String text && text.isBlank()) {
            reject(name, "is required");
            return null;
        }
        BigDecimal amount = toNumber(value);
        if (amount == null) {
            reject(name, "must be an amount like 1250.00");
            return null;
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            reject(name, "must not be negative and have at most two decimals");
            return null;
        }
        return amount;
    }

    public void reject(String name, String message) {
        violations.add(new Violation(name, message));
    }

    public boolean isValid(String name) {
        return violations.stream().noneMatch(v -> v.field().equals(name));
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws with every violation found so far; completing the task is then refused and nothing changes. */
    public void rejectIfInvalid() {
        if (!violations.isEmpty()) {
            throw new TaskInputRejectedException(taskName, violations);
        }
    }

    /** Who completes the task: the logged-in user (Tasklist, authenticated REST), else the assignee. */
    public String actor() {
        var authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return assignee;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    /** When the task was created: when the case reached this step. */
    public Date created() {
        return created;
    }

    private static BigDecimal toNumber(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
