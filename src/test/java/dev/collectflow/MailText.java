package dev.collectflow;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** The text of a received mail, all its parts (HTML and plain) one after the other, for assertions on what it says. */
public final class MailText {

    private MailText() {
    }

    public static String of(MimeMessage message) throws Exception {
        return of(message.getContent());
    }

    private static String of(Object content) throws Exception {
        if (!(content instanceof Multipart multipart)) {
            return content instanceof String text ? text : "";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            text.append(of(multipart.getBodyPart(i).getContent()));
        }
        return text.toString();
    }
}
