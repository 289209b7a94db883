package dev.helix.messaging.recovery;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import javax.transaction.xa.XAResource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;
import org.apache.activemq.artemis.service.extensions.xa.recovery.ActiveMQXAResourceWrapper;
import org.apache.activemq.artemis.service.extensions.xa.recovery.XARecoveryConfig;

/**
 * ActiveMQ Artemis's resource adapter, able to take part in Liberty's transaction recovery. After a server died,
 * Liberty settles a transaction in which a message-driven bean took a message by asking the adapter for the
 * {@code XAResource} of the bean's activation ({@link #getXAResources}); Artemis's own adapter answers none (it leaves
 * recovery to a transaction manager's own Artemis support, which Liberty does not have), so Liberty would retry for
 * ever and those transactions would stay in doubt, their messages held in the broker. This adapter answers, for each
 * activation, an {@code XAResource} that connects to the adapter's brokers (with fail-over, as configured) when Liberty
 * asks it which transactions are prepared and settles them. Packed only into the resource adapter archive.
 */
public class RecoverableArtemisAdapter extends ActiveMQResourceAdapter {

    private static final long serialVersionUID = 1L;

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
        XARecoveryConfig brokers;
        try (ActiveMQConnectionFactory factory = createRecoveryActiveMQConnectionFactory(getProperties())) {
            brokers = XARecoveryConfig.newConfig(factory, getUserName(), getPassword(), null);
        }
        XAResource[] resources = new XAResource[specs.length];
        for (int i = 0; i < specs.length; i++) {
            resources[i] = new ActiveMQXAResourceWrapper(brokers);
        }
        return resources;
    }
}
