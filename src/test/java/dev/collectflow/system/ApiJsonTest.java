package dev.collectflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class ApiJsonTest {

    record Body(String text, BigDecimal amount, Boolean flag, LocalDate date) {
    }

    private final ObjectMapper base = Jackson2ObjectMapperBuilder.json().build();
    private final ObjectMapper strict = ApiJson.strict(base);

    @Test
    void theDeclaredTypesAreRead() throws Exception {
        Body body = strict.readValue("""
                {"text": "Acme", "amount": 100, "flag": true, "date": "2026-12-31"}""", Body.class);
        assertThat(body).isEqualTo(new Body("Acme", new BigDecimal("100"), true, LocalDate.of(2026, 12, 31)));
        assertThat(strict.readValue("{\"amount\": 1250.50}", Body.class).amount()).isEqualByComparingTo("1250.50");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"text\": 12345}                 | text",
            "{\"text\": 1.5}                   | text",
            "{\"text\": true}                  | text",
            "{\"text\": [\"a\"]}               | text",
            "{\"text\": {\"a\": 1}}            | text",
            "{\"amount\": \"100.00\"}          | amount",
            "{\"amount\": \"NaN\"}             | amount",
            "{\"amount\": \"\"}                | amount",
            "{\"amount\": true}                | amount",
            "{\"flag\": 1}                     | flag",
            "{\"flag\": \"true\"}              | flag",
            "{\"flag\": \"\"}                  | flag",
            "{\"date\": 20261201}              | date",
            "{\"date\": \"2026-12-01T10:00:00\"} | date",
            "{\"date\": \"2026-12-01Z\"}       | date",
            "{\"date\": \"+10000-01-01\"}      | date",
            "{\"date\": \"-0001-01-01\"}       | date",
            "{\"date\": \"2026-02-30\"}        | date",
            "{\"date\": \"31.12.2026\"}        | date",
            "{\"date\": \"\"}                  | date",
            "{\"date\": [2026, 12, 1]}         | date"})
    void otherTypesAreRefusedNamingTheField(String json, String field) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class))
                .isInstanceOf(JsonMappingException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath().get(0).getFieldName()).isEqualTo(field));
    }

    @Test
    void duplicateKeysAndTrailingTokensAreRefused() {
        assertThatThrownBy(() -> strict.readValue("{\"text\": \"a\", \"text\": \"b\"}", Body.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'text'");
        assertThatThrownBy(() -> strict.readValue("{\"text\": \"a\"} {\"text\": \"b\"}", Body.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theApplicationsMapperStaysAsItWas() throws Exception {
        assertThat(base.readTree("{\"a\": 1, \"a\": 2}").get("a").asInt()).isEqualTo(2);
        assertThat(base.readValue("{\"text\": 12345, \"flag\": 1}", Body.class).text()).isEqualTo("12345");
    }
}
