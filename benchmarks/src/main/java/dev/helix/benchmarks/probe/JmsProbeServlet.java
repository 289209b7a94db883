package dev.helix.benchmarks.probe;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The raw JMS reference of the lifecycle benchmark, measured inside the server under test: {@code GET
 * /helix-benchmarks/jms?messages=N&bytes=B} sends N persistent text messages of B characters to a queue on
 * Helix's messaging engine through Helix's connection factory, then receives them all, and answers the send and
 * receive rates. Deployed only on the benchmark server.
 */
@WebServlet("/jms")
public class JmsProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_MESSAGES = 1_000_000;

    @Resource(lookup = "jms/helix/cf")
    private transient ConnectionFactory factory;

    @Resource(lookup = "jms/helix/bench")
    private transient Queue queue;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int messages = ProbeParameters.bounded(request, "messages", 1000, MAX_MESSAGES);
        int bytes = ProbeParameters.bounded(request, "bytes", 256, 1 << 20);
        if (messages < 0 || bytes < 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "messages must be 1.." + MAX_MESSAGES
                    + " and bytes 1..1048576");
            return;
        }
        String payload = "x".repeat(bytes);
        try (JMSContext context = factory.createContext(); JMSConsumer consumer = context.createConsumer(queue)) {
            while (consumer.receiveNoWait() != null) {
                // left over from an aborted earlier run
            }
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                producer.send(queue, payload);
            }
            long sent = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                if (consumer.receive(10_000) == null) {
                    response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                            "only " + i + " of " + messages + " messages came back");
                    return;
                }
            }
            long received = System.nanoTime();
            response.setContentType("application/json");
            response.getWriter().write(Json.createObjectBuilder()
                    .add("messages", messages)
                    .add("bytes", bytes)
                    .add("sendPerSecond", perSecond(messages, sent - start))
                    .add("receivePerSecond", perSecond(messages, received - sent))
                    .build().toString());
        }
    }

    private static double perSecond(int count, long nanos) {
        return count * 1e9 / Math.max(1, nanos);
    }
}
