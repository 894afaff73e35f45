package jp.inochi.testsupport;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;

/** The decoded text of a received email's parts (plain text and HTML), for asserting on what a family reads. */
public final class MailText {
    private MailText() {
    }

    /** Every text part, decoded from its transfer encoding and charset, joined with blank lines. */
    public static String of(Part message) {
        List<String> parts = new ArrayList<>();
        collect(message, parts);
        return String.join("\n\n", parts);
    }

    /** The first part of the given type, e.g. "text/plain" or "text/html"; empty if there is none. */
    public static String part(Part message, String mimeType) {
        List<String> parts = new ArrayList<>();
        collectOfType(message, mimeType, parts);
        return parts.isEmpty() ? "" : parts.get(0);
    }

    private static void collect(Part part, List<String> into) {
        collectOfType(part, "text/", into);
    }

    private static void collectOfType(Part part, String mimeType, List<String> into) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collectOfType(child, mimeType, into);
                }
            } else if (content instanceof String text && part.getContentType().toLowerCase().startsWith(mimeType)) {
                into.add(text);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the email's content: " + e.getMessage(), e);
        }
    }
}
