package dev.helix.agents.inbound;

import dev.helix.agents.service.AgentPool;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** An EJB timer that stops agents idle past {@code helix.agents.idle-timeout}, once a minute. */
@Singleton
public class IdleAgentReaper {

    private static final Logger LOG = Logger.getLogger(IdleAgentReaper.class.getName());

    @Inject
    AgentPool pool;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void stopIdleAgents() {
        int stopped = pool.stopIdleAgents();
        if (stopped > 0) {
            LOG.info(() -> "Stopped " + stopped + " agent(s) idle past the timeout");
        }
    }
}
