package lv.opengov.reporting.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * GreenMail as the real SMTP server of a test class that lets the mail dispatcher deliver: started on a
 * free port of 127.0.0.1 before the class's application context, which {@link #register} points at it.
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static GreenMail started() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    /** The application's mail settings for the server, for the class's {@code @DynamicPropertySource}. */
    public static void register(DynamicPropertyRegistry registry, GreenMail smtp) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }
}
