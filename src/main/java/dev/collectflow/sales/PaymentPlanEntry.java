package dev.collectflow.sales;

import dev.collectflow.collection.TaskInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payment plan as the negotiation form's text field holds it: one instalment a line, {@code yyyy-MM-dd amount}
 * (e.g. {@code 2027-02-15 400.00}). The plan is valid when it has at least two instalments and at most the configured
 * number, its dates rise strictly from today or later to at most the horizon, and its amounts (more than 0, at most
 * two decimals) add up exactly to the open amount. Every problem is reported on the field, naming the line.
 */
final class PaymentPlanEntry {

    record Line(LocalDate dueOn, BigDecimal amount) {
    }

    private static final Pattern LINE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{1,17}(?:\\.\\d{1,2})?)");

    private PaymentPlanEntry() {
    }

    /** The instalments, or an empty list after reporting every problem to the input. */
    static List<Line> read(TaskInput input, String field, String text, BigDecimal openAmount, LocalDate today,
                           LocalDate latest, int maxInstalments) {
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] rows = text.strip().split("\\R");
        int number = 0;
        for (String row : rows) {
            number++;
            if (row.isBlank()) {
                continue;
            }
            Matcher matcher = LINE.matcher(row.strip());
            if (!matcher.matches()) {
                problems.add("line " + number + " must be a date and an amount like 2027-02-15 400.00");
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(matcher.group(1));
            } catch (DateTimeParseException e) {
                problems.add("line " + number + ": " + matcher.group(1) + " is no date");
                continue;
            }
            BigDecimal amount = new BigDecimal(matcher.group(2));
            if (amount.signum() <= 0) {
                problems.add("line " + number + ": the amount must be more than 0");
                continue;
            }
            if (day.isBefore(today)) {
                problems.add("line " + number + ": " + day + " is in the past");
            } else if (day.isAfter(latest)) {
                problems.add("line " + number + ": " + day + " is later than " + latest + ", the latest day a plan may reach");
            }
            if (!lines.isEmpty() && !day.isAfter(lines.get(lines.size() - 1).dueOn())) {
                problems.add("line " + number + ": " + day + " must come after the instalment before it");
            }
            lines.add(new Line(day, amount));
        }
        if (problems.isEmpty()) {
            if (lines.size() < 2) {
                problems.add("must have at least two instalments (a single payment is a promise to pay)");
            } else if (lines.size() > maxInstalments) {
                problems.add("must have at most " + maxInstalments + " instalments");
            }
            BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(openAmount) != 0) {
                problems.add("instalments add up to " + total.toPlainString() + " but the open amount is "
                        + openAmount.toPlainString() + "; they must add up to it exactly");
            }
        }
        if (!problems.isEmpty()) {
            input.reject(field, String.join("; ", problems));
            return List.of();
        }
        return lines;
    }
}
