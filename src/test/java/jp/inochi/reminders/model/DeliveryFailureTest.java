package jp.inochi.reminders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The common SMTP and JavaMail failures, as the outbox stores them, told to staff in Japanese. */
class DeliveryFailureTest {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Test
    void aRefusedConnectionMeansTheMailServerCannotBeReached() {
        assertEquals(DeliveryFailure.SERVER_UNREACHABLE, DeliveryFailure.of("ConnectException: Connection refused"));
        assertEquals(DeliveryFailure.SERVER_UNREACHABLE,
                DeliveryFailure.of("MailConnectException: Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1"));
        assertEquals(DeliveryFailure.SERVER_UNREACHABLE, DeliveryFailure.of("NoRouteToHostException: No route to host"));
    }

    @Test
    void aTimeoutMeansTheServerDidNotAnswer() {
        assertEquals(DeliveryFailure.NO_ANSWER, DeliveryFailure.of("SocketTimeoutException: Connect timed out"));
        assertEquals(DeliveryFailure.NO_ANSWER, DeliveryFailure.of("SocketTimeoutException: Read timed out"));
    }

    @Test
    void anUnknownHostPointsAtTheSettings() {
        assertEquals(DeliveryFailure.SERVER_NOT_FOUND, DeliveryFailure.of("UnknownHostException: smtp.example.invalid"));
    }

    @Test
    void aFailedSignInIsTheSendingAccount() {
        assertEquals(DeliveryFailure.SIGN_IN_FAILED,
                DeliveryFailure.of("AuthenticationFailedException: 535 5.7.8 Authentication credentials invalid"));
        assertEquals(DeliveryFailure.SIGN_IN_FAILED, DeliveryFailure.of("SMTPSendFailedException: 535 Incorrect login"));
    }

    @Test
    void aPermanentRefusalOfTheRecipientIsTheAddress() {
        assertEquals(DeliveryFailure.RECIPIENT_REFUSED,
                DeliveryFailure.of("SMTPAddressFailedException: 550 5.1.1 <アドレス>: Recipient address rejected: User unknown"));
        assertEquals(DeliveryFailure.RECIPIENT_REFUSED, DeliveryFailure.of("SendFailedException: 553 5.1.3 mailbox name not allowed"));
        assertEquals(DeliveryFailure.RECIPIENT_REFUSED, DeliveryFailure.of("AddressException: Missing final '@domain'"));
    }

    @Test
    void anotherPermanentRefusalIsTheMessage() {
        assertEquals(DeliveryFailure.REFUSED, DeliveryFailure.of("SMTPSendFailedException: 554 5.7.1 Message rejected as spam"));
    }

    @Test
    void aTemporaryRefusalIsBusy() {
        assertEquals(DeliveryFailure.BUSY, DeliveryFailure.of("SMTPSendFailedException: 451 4.3.0 Try again later"));
        assertEquals(DeliveryFailure.BUSY, DeliveryFailure.of("SMTPAddressFailedException: 452-4.2.2 Mailbox full"));
    }

    @Test
    void anythingElseIsSaidPlainlyWithoutTheExceptionName() {
        assertEquals(DeliveryFailure.UNKNOWN, DeliveryFailure.of("IllegalStateException: something odd"));
        assertEquals(DeliveryFailure.UNKNOWN, DeliveryFailure.of(null));
        assertEquals(DeliveryFailure.UNKNOWN, DeliveryFailure.of("MessagingException: port 25001 closed"), "a port is not a code");
    }

    @Test
    void aRetryTodayNamesItsTimeAndOneTomorrowItsDateToo() {
        ZonedDateTime now = ZonedDateTime.of(2026, 12, 4, 10, 30, 0, 0, JAPAN);
        assertEquals("メールサーバーに接続できません。自動で再送します（次回 10:42）",
                DeliveryNotice.retrying("ConnectException: Connection refused", now.plusMinutes(12), now));
        assertEquals("メールサーバーから応答がありません。自動で再送します（次回 12月5日 9:05）",
                DeliveryNotice.retrying("SocketTimeoutException: Read timed out", now.plusDays(1).withHour(9).withMinute(5), now));
    }

    @Test
    void aGivenUpMessageSaysWhatStaffCanDo() {
        String givenUp = DeliveryNotice.givenUp("ConnectException: Connection refused");
        assertEquals("メールサーバーに接続できません。自動の再送は終了しました。必要なら「再送する」で送り直せます", givenUp);
        assertEquals("宛先のメールアドレスが受け付けられませんでした（アドレスを確認してください）。アドレスを直してから再送してください",
                DeliveryNotice.givenUp("SMTPAddressFailedException: 550 5.1.1 User unknown"));
        assertFalse(givenUp.contains("Exception"));
    }
}
