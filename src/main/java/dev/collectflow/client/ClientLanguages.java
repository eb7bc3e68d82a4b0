package dev.collectflow.client;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The languages a client may have ({@code collectflow.client-languages}); client mails are written in them. */
@Component
public class ClientLanguages {

    private final List<String> supported;

    public ClientLanguages(@Value("${collectflow.client-languages}") List<String> supported) {
        this.supported = supported.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    }

    public boolean isSupported(String language) {
        return language != null && supported.contains(language);
    }

    public List<String> supported() {
        return supported;
    }
}
