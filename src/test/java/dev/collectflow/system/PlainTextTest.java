package dev.collectflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Acme Ltd", "Müller & Söhne GmbH", "ООО «Ромашка»", "ТОВ \"Сонях\"", "<img src=x onerror=alert(1)>",
            "O'Brien; DROP TABLE client;--", "株式会社", "שלום", "😀 Emoji Corp"})
    void namesPeopleWriteAreFine(String name) {
        assertThat(PlainText.problem(name, false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme\u0000Ltd", "Acme\u0007", "\u001B[31mred", "Acme\u202Edtl", "a\u2066b\u2069",
            "Ac\u200Bme", "\uFEFFAcme", "Acme\nLtd", "Acme\u0085", "\uE000private"})
    void controlDirectionAndInvisibleCharactersAreRefused(String name) {
        assertThat(PlainText.problem(name, false)).startsWith("must not contain").contains("U+");
    }

    @Test
    void lineBreaksAndTabsOnlyInMultiLineText() {
        assertThat(PlainText.problem("first line\r\nsecond\tline", true)).isNull();
        assertThat(PlainText.problem("first line\nsecond", false)).contains("control characters");
        assertThat(PlainText.problem("note\u0000", true)).contains("U+0000");
    }
}
