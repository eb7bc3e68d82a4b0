package dev.collectflow.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PUT /api/clients/{clientId}. */
public record ClientRequest(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Size(max = 50) @Pattern(regexp = "[+0-9 ()./-]*", message = "must be a phone number") String phone,
        @Size(max = 200) String contactPerson,
        @Size(max = 64) String owner,
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
