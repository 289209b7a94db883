package dev.helix.web.soap.agents;

import dev.helix.agents.model.AgentProfile;
import dev.helix.agents.service.AgentGallery;
import dev.helix.agents.service.AgentPool;
import dev.helix.identity.model.Permission;
import dev.helix.web.soap.SoapAccess;
import dev.helix.web.soap.SoapCall;
import dev.helix.web.soap.XmlTimes;
import dev.helix.web.soap.agents.v1.Agent;
import dev.helix.web.soap.agents.v1.AgentPort;
import dev.helix.web.soap.agents.v1.AgentStatus;
import dev.helix.web.soap.agents.v1.Count;
import dev.helix.web.soap.agents.v1.HelixFaultException;
import dev.helix.web.soap.agents.v1.PoolStatistics;
import dev.helix.web.soap.agents.v1.Profile;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import java.util.List;
import java.util.Map;

/**
 * The SOAP {@code AgentService}: the agent gallery's profiles, the pool's agents and its statistics, with the REST
 * API's permission ({@code agent:read}) and rate limits; every refusal is a {@code HelixFault}.
 */
@WebService(serviceName = "AgentService", portName = "AgentPort", targetNamespace = "http://helix.dev/soap/agents/1",
        endpointInterface = "dev.helix.web.soap.agents.v1.AgentPort", wsdlLocation = "WEB-INF/wsdl/AgentService.wsdl")
@HandlerChain(file = "/dev/helix/web/soap/handlers.xml")
public class AgentEndpoint implements AgentPort {

    @Inject
    SoapAccess access;

    @Inject
    AgentGallery gallery;

    @Inject
    AgentPool pool;

    @Override
    public List<Profile> listProfiles() throws HelixFaultException {
        return SoapCall.answer(HelixFaultException::new, () -> {
            access.require(Permission.AGENT_READ);
            return gallery.profiles().stream().map(AgentEndpoint::profile).toList();
        });
    }

    @Override
    public List<Agent> listAgents() throws HelixFaultException {
        return SoapCall.answer(HelixFaultException::new, () -> {
            access.require(Permission.AGENT_READ);
            return pool.agents().stream().map(AgentEndpoint::agent).toList();
        });
    }

    @Override
    public PoolStatistics getPoolStatistics() throws HelixFaultException {
        return SoapCall.answer(HelixFaultException::new, () -> {
            access.require(Permission.AGENT_READ);
            dev.helix.agents.model.PoolStatistics now = pool.statistics();
            PoolStatistics statistics = new PoolStatistics();
            statistics.setTotal(now.total());
            statistics.setRunning(now.running());
            statistics.setHealthy(now.healthy());
            statistics.setUtilisation(now.utilisation());
            now.byStatus().forEach((status, agents) -> statistics.getByStatus().add(count(status.name(), agents)));
            now.byRole().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> statistics.getByRole().add(count(e.getKey(), e.getValue())));
            return statistics;
        });
    }

    private static Count count(String name, long agents) {
        Count count = new Count();
        count.setName(name);
        count.setAgents(agents);
        return count;
    }

    private static Profile profile(AgentProfile p) {
        Profile profile = new Profile();
        profile.setRole(p.getRole());
        profile.setDisplayName(p.getDisplayName());
        profile.setDescription(p.getDescription());
        profile.getCapability().addAll(p.getCapabilities());
        profile.setProvider(p.getProvider());
        profile.setModel(p.getModel());
        profile.setBuiltIn(p.isBuiltIn());
        return profile;
    }

    private static Agent agent(dev.helix.agents.model.Agent a) {
        Agent agent = new Agent();
        agent.setId(a.getId());
        agent.setName(a.getName());
        agent.setRole(a.getRole());
        agent.setStatus(AgentStatus.fromValue(a.getStatus().name()));
        agent.setStatusReason(a.getStatusReason());
        agent.setCurrentTaskId(a.getCurrentTaskId());
        agent.setCreatedAt(XmlTimes.of(a.getCreatedAt()));
        agent.setLastHeartbeatAt(XmlTimes.of(a.getLastHeartbeatAt()));
        agent.setTasksCompleted(a.getTasksCompleted());
        agent.setTasksFailed(a.getTasksFailed());
        agent.setStepsCompleted(a.getStepsCompleted());
        agent.setTokensUsed(a.getTokensUsed());
        return agent;
    }
}
