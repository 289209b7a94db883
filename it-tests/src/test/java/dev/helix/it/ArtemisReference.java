package dev.helix.it;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The raw JMS reference of the lifecycle benchmark on ActiveMQ Artemis, measured as the benchmark server's JMS probe
 * measures Liberty's own engine: N persistent text messages sent one after another to a queue of the broker, then
 * all received, with the broker's own client and no transaction, Liberty or database in the way.
 */
record ArtemisReference(int messages, int bytes, double sendPerSecond, double receivePerSecond) {

    /** Measures on the broker at 127.0.0.1:port, on the queue {@code helix.bench} (made on first use). */
    static ArtemisReference measure(int port, int messages, int bytes) {
        String payload = "x".repeat(bytes);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                JMSContext context = factory.createContext(LocalArtemis.USER, LocalArtemis.PASSWORD)) {
            Queue queue = context.createQueue("helix.bench");
            try (JMSConsumer consumer = context.createConsumer(queue)) {
                drain(consumer);
                JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                long sending = timed(() -> IntStream.range(0, messages).forEach(i -> producer.send(queue, payload)));
                long receiving = timed(() -> IntStream.range(0, messages).forEach(i -> {
                    if (consumer.receive(10_000) == null) {
                        throw new IllegalStateException("message " + i + " of " + messages + " did not come back");
                    }
                }));
                return new ArtemisReference(messages, bytes, perSecond(messages, sending), perSecond(messages, receiving));
            }
        }
    }

    /** Takes what an aborted earlier run left on the queue. */
    private static void drain(JMSConsumer consumer) {
        Message left = consumer.receiveNoWait();
        while (left != null) {
            left = consumer.receiveNoWait();
        }
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static double perSecond(int count, long nanos) {
        return count * 1e9 / Math.max(1, nanos);
    }

    @Override
    public String toString() {
        return "%d persistent %d-byte messages, %.0f sent/s, %.0f received/s".formatted(messages, bytes, sendPerSecond,
                receivePerSecond);
    }
}
