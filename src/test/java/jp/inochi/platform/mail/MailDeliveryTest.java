package jp.inochi.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import jp.inochi.testsupport.MailText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The service's mail stack (Micronaut Email over JavaMail/SMTP) delivers Japanese mail to a real SMTP server. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailDeliveryTest implements TestPropertyProvider {

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    EmailSender<?, ?> sender;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void japaneseMailReachesTheSmtpServerIntact() throws Exception {
        sender.send(Email.builder()
                .from("info@kumamoto-children.net")
                .to("family@example.jp")
                .subject("【熊本県医療的ケア児支援センター】個別避難計画の申請期限のお知らせ")
                .body("令和8年5月10日（2026年5月10日）までに、お住まいの市町村へ申請してください。"));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals("【熊本県医療的ケア児支援センター】個別避難計画の申請期限のお知らせ", received.getSubject());
        assertTrue(MailText.of(received).contains("令和8年5月10日（2026年5月10日）までに"), MailText.of(received));
    }
}
