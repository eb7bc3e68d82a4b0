package dev.collectflow.payment;

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

/** Body of POST /api/payments. The payment date within {@link IntakeDates}' window for current business. */
@WithinIntakeWindows
public record PaymentRequest(
        @NotBlank @PlainTextOnly @Pattern(regexp = Ids.PAYMENT_ID, message = Ids.MESSAGE) String paymentId,
        @NotBlank @PlainTextOnly @Pattern(regexp = Ids.INVOICE_NUMBER, message = Ids.MESSAGE) String invoiceNumber,
        @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @PlainTextOnly @CurrencyCode String currency,
        @NotNull LocalDate paidOn) implements WithinIntakeWindows.Dated {

    PaymentData data() {
        return new PaymentData(paymentId, invoiceNumber, amount, currency, paidOn);
    }

    @Override
    public List<Violation> checkDates(IntakeDates dates) {
        return dates.payment(paidOn, IntakeDates.Window.CURRENT);
    }
}
