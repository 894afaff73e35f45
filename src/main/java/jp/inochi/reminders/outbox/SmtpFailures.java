package jp.inochi.reminders.outbox;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

/** What an SMTP failure means for the message: try again later, never, or not the rest of the batch either. */
final class SmtpFailures {
    private SmtpFailures() {
    }

    /** The server could not be reached at all (refused, timed out, unknown host), as opposed to refusing one email. */
    static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.net.UnknownHostException || cause instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** An address the server refuses (5xx for the recipient) or that is not an address at all: retrying won't help. */
    static boolean refusedForGood(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressException) {
                return true;
            }
            if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0
                    && (failed.getValidSentAddresses() == null || failed.getValidSentAddresses().length == 0)) {
                return true;
            }
        }
        return false;
    }

    /** The error for staff: its kind and message, with any email address in it masked. */
    static String describe(Throwable error) {
        Throwable root = rootCause(error);
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": "
                + message.replaceAll("[^\\s<>()\"',;:]+@[^\\s<>()\"',;:]+", "<アドレス>"));
    }

    static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
