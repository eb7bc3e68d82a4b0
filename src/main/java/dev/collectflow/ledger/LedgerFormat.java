package dev.collectflow.ledger;

import dev.collectflow.invoice.HistorySettlement;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.system.CurrencyCode;
import dev.collectflow.system.Ids;
import dev.collectflow.system.IntakeDates;
import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.PlainText;
import dev.collectflow.system.Violation;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A checked {@link ImportMapping}: reads the header and turns each line into an invoice or a reason to reject it. */
final class LedgerFormat {

    enum Mode { OPEN, HISTORY }

    static final List<String> FIELDS = List.of("number", "clientId", "clientName", "amount", "currency", "issueDate",
            "dueDate", "settledDate", "settledAmount", "disputed");
    private static final Set<String> HISTORY_FIELDS = Set.of("settledDate", "settledAmount", "disputed");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern INVOICE_NUMBER = Pattern.compile(Ids.INVOICE_NUMBER);
    private static final Pattern CLIENT_ID = Pattern.compile(Ids.CLIENT_ID);
    private static final CurrencyCode.Validator CURRENCY = new CurrencyCode.Validator();

    final Mode mode;
    final Charset charset;
    final char delimiter;
    final boolean createClients;
    private final Map<String, String> columns;
    private final String datePattern;
    private final DateTimeFormatter dates;
    private final char decimalSeparator;
    private final String groupingSeparator;
    private final String currency;

    private LedgerFormat(Mode mode, Charset charset, char delimiter, boolean createClients, Map<String, String> columns,
                         String datePattern, DateTimeFormatter dates, char decimalSeparator, String groupingSeparator,
                         String currency) {
        this.mode = mode;
        this.charset = charset;
        this.delimiter = delimiter;
        this.createClients = createClients;
        this.columns = columns;
        this.datePattern = datePattern;
        this.dates = dates;
        this.decimalSeparator = decimalSeparator;
        this.groupingSeparator = groupingSeparator;
        this.currency = currency;
    }

    /** Checks the mapping; every problem names its field ("mapping.dateFormat" …). */
    static LedgerFormat of(ImportMapping mapping) {
        List<Violation> problems = new ArrayList<>();
        Mode mode = Mode.OPEN;
        if (mapping.mode() != null) {
            try {
                mode = Mode.valueOf(mapping.mode().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("mapping.mode", "must be OPEN or HISTORY"));
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String field : FIELDS) {
            columns.put(field, field);
        }
        if (mapping.columns() != null) {
            mapping.columns().forEach((field, header) -> {
                if (!FIELDS.contains(field)) {
                    problems.add(new Violation("mapping.columns." + field, "is not a field; fields: " + FIELDS));
                } else if (header == null || header.isBlank()) {
                    problems.add(new Violation("mapping.columns." + field, "must name a header"));
                } else {
                    columns.put(field, header.strip());
                }
            });
        }
        String datePattern = mapping.dateFormat() == null ? "yyyy-MM-dd" : mapping.dateFormat();
        DateTimeFormatter dates = null;
        try {
            dates = DateTimeFormatter.ofPattern(datePattern.replace('y', 'u'), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            problems.add(new Violation("mapping.dateFormat", "is not a date pattern such as M/d/yyyy: " + e.getMessage()));
        }
        String decimal = mapping.decimalSeparator() == null ? "." : mapping.decimalSeparator();
        if (!decimal.equals(".") && !decimal.equals(",")) {
            problems.add(new Violation("mapping.decimalSeparator", "must be . or ,"));
        }
        String grouping = mapping.groupingSeparator() == null || mapping.groupingSeparator().isEmpty()
                ? null : mapping.groupingSeparator();
        if (grouping != null && (grouping.length() != 1 || grouping.equals(decimal) || Character.isLetterOrDigit(grouping.charAt(0)))) {
            problems.add(new Violation("mapping.groupingSeparator", "must be one character other than the decimal separator"));
        }
        String delimiter = mapping.delimiter() == null ? "," : mapping.delimiter().equals("\\t") ? "\t" : mapping.delimiter();
        if (delimiter.length() != 1 || delimiter.equals("\"") || Character.isLetterOrDigit(delimiter.charAt(0))) {
            problems.add(new Violation("mapping.delimiter", "must be one character such as , ; or \\t"));
        }
        Charset charset = StandardCharsets.UTF_8;
        if (mapping.charset() != null) {
            try {
                charset = Charset.forName(mapping.charset());
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("mapping.charset", "is not a charset this server knows, such as UTF-8 or windows-1252"));
            }
        }
        if (mapping.currency() != null && !CURRENCY.isValid(mapping.currency(), null)) {
            problems.add(new Violation("mapping.currency", "must be an ISO 4217 currency code such as EUR"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LedgerFormat(mode, charset, delimiter.charAt(0), Boolean.TRUE.equals(mapping.createClients()),
                columns, datePattern, dates, decimal.charAt(0), grouping, mapping.currency());
    }

    /** The position of each field in the header line; a missing required column names the field and the header. */
    Map<String, Integer> positions(List<String> header) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String field : FIELDS) {
            Integer at = byName.get(columns.get(field).toLowerCase(Locale.ROOT));
            if (at != null && (mode == Mode.HISTORY || !HISTORY_FIELDS.contains(field))) {
                positions.put(field, at);
            } else if (at == null && required(field)) {
                missing.add("'" + columns.get(field) + "' (" + field + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "line 1: the header has no column " + String.join(", ", missing)
                    + "; it has " + header + ". Name the columns in the mapping if they are called differently");
        }
        return positions;
    }

    private boolean required(String field) {
        return switch (field) {
            case "number", "clientId", "amount", "issueDate", "dueDate" -> true;
            case "currency" -> currency == null;
            case "settledDate" -> mode == Mode.HISTORY;
            default -> false;
        };
    }

    /** The invoice on a line, or {@link LineRejected} naming the field at fault. */
    LedgerLine read(int lineNumber, List<String> fields, Map<String, Integer> positions, int headerSize,
                    IntakeDates intakeDates) {
        if (fields.size() != headerSize) {
            throw new LineRejected("has " + fields.size() + " fields, the header has " + headerSize);
        }
        String number = text(fields, positions, "number", true);
        if (!INVOICE_NUMBER.matcher(number).matches()) {
            throw new LineRejected("number '" + number + "' " + Ids.MESSAGE + " (at most 40)");
        }
        String clientId = text(fields, positions, "clientId", true);
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new LineRejected("clientId '" + clientId + "' " + Ids.MESSAGE + " (at most 64)");
        }
        String clientName = text(fields, positions, "clientName", false);
        if (clientName != null && (clientName.length() > 200 || !PlainText.isPlain(clientName, false))) {
            throw new LineRejected("clientName " + (clientName.length() > 200 ? "is longer than 200 characters"
                    : PlainText.problem(clientName, false)));
        }
        BigDecimal amount = amount(fields, positions, "amount", true);
        if (amount.signum() <= 0) {
            throw new LineRejected("amount " + amount.toPlainString() + " must be greater than 0");
        }
        String currencyCode = positions.containsKey("currency") ? text(fields, positions, "currency", currency == null) : null;
        if (currencyCode == null) {
            currencyCode = currency;
        }
        if (!CURRENCY.isValid(currencyCode, null)) {
            throw new LineRejected("currency '" + currencyCode + "' must be an ISO 4217 currency code such as EUR");
        }
        LocalDate issueDate = date(fields, positions, "issueDate", true);
        LocalDate dueDate = date(fields, positions, "dueDate", true);
        HistorySettlement settlement = null;
        LocalDate settledDate = null;
        if (mode == Mode.HISTORY) {
            settledDate = date(fields, positions, "settledDate", true);
            BigDecimal settledAmount = amount(fields, positions, "settledAmount", false);
            if (settledAmount == null) {
                settledAmount = amount;
            } else if (settledAmount.compareTo(amount) > 0) {
                throw new LineRejected("settledAmount " + settledAmount.toPlainString() + " is more than the amount "
                        + amount.toPlainString());
            }
            settlement = new HistorySettlement(settledDate, settledAmount, disputed(fields, positions));
        }
        IntakeDates.Window window = mode == Mode.HISTORY ? IntakeDates.Window.HISTORY : IntakeDates.Window.CURRENT;
        List<Violation> dateProblems = new ArrayList<>(intakeDates.invoice(issueDate, dueDate, window));
        if (settledDate != null && settledDate.isBefore(issueDate)) {
            dateProblems.add(new Violation("settledDate", "must not be before issueDate " + issueDate));
        }
        intakeDates.payment(settledDate, window).forEach(v -> dateProblems.add(new Violation("settledDate", v.message())));
        if (!dateProblems.isEmpty()) {
            throw new LineRejected(dateProblems.get(0).field() + " " + dateProblems.get(0).message());
        }
        return new LedgerLine(lineNumber, new InvoiceData(number, clientId, amount, currencyCode, issueDate, dueDate),
                clientName, settlement);
    }

    private String text(List<String> fields, Map<String, Integer> positions, String field, boolean required) {
        Integer at = positions.get(field);
        String value = at == null ? "" : fields.get(at);
        if (value.isEmpty()) {
            if (required) {
                throw new LineRejected(field + " is empty");
            }
            return null;
        }
        return value;
    }

    private BigDecimal amount(List<String> fields, Map<String, Integer> positions, String field, boolean required) {
        String value = text(fields, positions, field, required);
        if (value == null) {
            return null;
        }
        String plain = groupingSeparator == null ? value : value.replace(groupingSeparator, "");
        plain = plain.replace(decimalSeparator, '.');
        if (!NUMBER.matcher(plain).matches()) {
            throw new LineRejected(field + " '" + value + "' is not an amount (decimal separator '"
                    + decimalSeparator + "'" + (groupingSeparator == null ? ", no thousands separator" : "") + ")");
        }
        BigDecimal amount = new BigDecimal(plain);
        if (amount.scale() > 2 || amount.precision() - amount.scale() > 17) {
            throw new LineRejected(field + " '" + value + "' has more than 2 decimals or 17 digits");
        }
        return amount.setScale(2);
    }

    private LocalDate date(List<String> fields, Map<String, Integer> positions, String field, boolean required) {
        String value = text(fields, positions, field, required);
        try {
            return value == null ? null : LocalDate.parse(value, dates);
        } catch (DateTimeParseException e) {
            throw new LineRejected(field + " '" + value + "' is not a date in the format " + datePattern);
        }
    }

    private boolean disputed(List<String> fields, Map<String, Integer> positions) {
        String value = text(fields, positions, "disputed", false);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw new LineRejected("disputed '" + value + "' must be yes or no");
        };
    }
}
