package dev.collectflow.kpi;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Writes a {@link KpiReport}'s rows as CSV (RFC 4180, UTF-8): a header of the row's fields, then one line a row. */
class CsvReportConverter extends AbstractHttpMessageConverter<KpiReport<?>> {

    static final String TEXT_CSV_VALUE = "text/csv";
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    CsvReportConverter() {
        super(TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return KpiReport.class.isAssignableFrom(type);
    }

    @Override
    protected KpiReport<?> readInternal(Class<? extends KpiReport<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("KPI reports are only written", input);
    }

    @Override
    protected void writeInternal(KpiReport<?> report, HttpOutputMessage output) throws IOException {
        output.getHeaders().setContentDispositionFormData("attachment", report.kpi() + ".csv");
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        write(report.rows(), writer);
        writer.flush();
    }

    static void write(List<?> rows, Writer writer) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        RecordComponent[] columns = rows.get(0).getClass().getRecordComponents();
        for (int i = 0; i < columns.length; i++) {
            writer.write((i > 0 ? "," : "") + columns[i].getName());
        }
        writer.write("\r\n");
        for (Object row : rows) {
            for (int i = 0; i < columns.length; i++) {
                Object value;
                try {
                    value = columns[i].getAccessor().invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                writer.write((i > 0 ? "," : "") + field(value));
            }
            writer.write("\r\n");
        }
    }

    private static String field(Object value) {
        String text = value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
