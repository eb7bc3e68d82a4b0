package dev.collectflow.client;

import dev.collectflow.system.PlainTextOnly;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PUT /api/clients/{clientId}. Texts are plain (see PlainText): markup is kept as typed, it is data. */
public record ClientRequest(
        @NotBlank @PlainTextOnly @Size(max = 200) String name,
        @PlainTextOnly @Email @Size(max = 254) String email,
        @PlainTextOnly @Size(max = 50) @Pattern(regexp = "[+0-9 ()./-]*", message = "must be a phone number")
        String phone,
        @PlainTextOnly @Size(max = 200) String contactPerson,
        @PlainTextOnly @Size(max = 64) String owner,
        Boolean keyClient,
        @SupportedLanguage String language) {

    ClientDetails details() {
        return new ClientDetails(name.strip(), blankToNull(email), blankToNull(phone), blankToNull(contactPerson),
                blankToNull(owner), Boolean.TRUE.equals(keyClient), language == null ? "en" : language);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
