package dev.helix.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Collections;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the messaging provider accepts a connection; reports the dispatch backlog. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    @Resource(lookup = "jms/helix/cf")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/helix/dispatch")
    Queue dispatchQueue;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(dispatchQueue)) {
            long backlog = Collections.list(browser.getEnumeration()).size();
            return HealthCheckResponse.named("messaging").up().withData("dispatchBacklog", backlog).build();
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return HealthCheckResponse.named("messaging").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
