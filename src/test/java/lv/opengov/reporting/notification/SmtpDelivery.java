package lv.opengov.reporting.notification;

import java.time.Clock;
import java.util.Map;
import lv.opengov.reporting.notification.internal.MailMessageRepository;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application's own dispatcher, given the sender that {@code spring.mail.host} and
 * {@code spring.mail.port} would configure for a local SMTP server (GreenMail): the test contexts have
 * no SMTP host, so their outbox only queues.
 */
public final class SmtpDelivery {

    private SmtpDelivery() {
    }

    public static MailDispatcher dispatcher(ApplicationContext context, int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "2000");
        return new MailDispatcher(context.getBean(MailMessageRepository.class),
                new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class),
                context.getBean(MailProperties.class), context.getBean(PlatformTransactionManager.class),
                context.getBean(Clock.class));
    }

    /** Empties the outbox: a dispatcher sends whatever is due, and only a test's own messages may be. */
    public static void emptyOutbox(ApplicationContext context) {
        context.getBean(MailMessageRepository.class).deleteAll();
    }

    /** A port no server listens on now, for a GreenMail server to take. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
