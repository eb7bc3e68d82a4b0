package dev.collectflow.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Amounts and dates as a client reads them in their language: "1 234,50 €", "15 января 2027 г.". */
public record ClientLocale(Locale locale) {

    public static ClientLocale of(String language) {
        return new ClientLocale(Locale.forLanguageTag(language == null ? "en" : language));
    }

    public String amount(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }
}
