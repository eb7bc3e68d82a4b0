package dev.collectflow.invoice;

import dev.collectflow.system.CurrencyCode;
import dev.collectflow.system.Ids;
import dev.collectflow.system.IntakeDates;
import dev.collectflow.system.PlainTextOnly;
import dev.collectflow.system.Violation;
import dev.collectflow.system.WithinIntakeWindows;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of POST /api/invoices. Dates within {@link IntakeDates}' windows for current business. */
@WithinIntakeWindows
public record InvoiceRequest(
        @NotBlank @PlainTextOnly @Pattern(regexp = Ids.INVOICE_NUMBER, message = Ids.MESSAGE) String number,
        @NotBlank @PlainTextOnly @Pattern(regexp = Ids.CLIENT_ID, message = Ids.MESSAGE) String clientId,
        @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @PlainTextOnly @CurrencyCode String currency,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate) implements WithinIntakeWindows.Dated {

    public InvoiceData data() {
        return new InvoiceData(number, clientId, amount, currency, issueDate, dueDate);
    }

    @Override
    public List<Violation> checkDates(IntakeDates dates) {
        return dates.invoice(issueDate, dueDate, IntakeDates.Window.CURRENT);
    }
}
