package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.it.soap.agents.AgentPort;
import dev.helix.it.soap.agents.AgentService;
import dev.helix.it.soap.agents.PoolStatistics;
import dev.helix.it.soap.tasks.Decision;
import dev.helix.it.soap.tasks.Gate;
import dev.helix.it.soap.tasks.HelixFault;
import dev.helix.it.soap.tasks.HelixFault_Exception;
import dev.helix.it.soap.tasks.Priority;
import dev.helix.it.soap.tasks.Task;
import dev.helix.it.soap.tasks.TaskPort;
import dev.helix.it.soap.tasks.TaskService;
import dev.helix.it.soap.tasks.TaskStatus;
import jakarta.json.JsonObject;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPEnvelope;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SOAP services as a client generated from their published WSDL uses them: a task through both gates, signed in
 * by HTTP Basic and by a WS-Security UsernameToken; the agent service with an API key; and the documented faults for
 * bad input, a missing permission, a missing or wrong sign-in and an unknown task.
 */
@ExtendWith(ArquillianExtension.class)
class SoapIT {

    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private static TaskService tasks;

    @BeforeAll
    static void contract() throws Exception {
        HelixClient.user("sally-soap", "developer");
        HelixClient.user("omar-soap", "operator");
        HelixClient.user("vic-soap", "viewer");
        tasks = new TaskService(new URL(HelixClient.BASE + "/soap/TaskService?wsdl"));
    }

    @Test
    void aTaskGoesThroughBothGatesOverSoapAndEachDecisionIsAudited() throws Exception {
        TaskPort developer = basic(taskPort(), "sally-soap");
        TaskPort operator = usernameToken(taskPort(), "omar-soap", "omar-soap-password-123");

        Task submitted = developer.submitTask("SOAP login", "Add a login page. Store users.", Priority.HIGH, null, null);
        assertEquals(TaskStatus.BACKLOG, submitted.getStatus());
        assertEquals(Priority.HIGH, submitted.getPriority());
        assertEquals("sally-soap", submitted.getCreatedBy());
        long id = submitted.getId();

        Task review = awaitStatus(developer, id, TaskStatus.SPEC_REVIEW);
        assertTrue(review.getRequirements().contains("login page"), review.getRequirements());
        Task approved = operator.decideGate(id, Gate.SPEC, Decision.APPROVE, "Fine by SOAP");
        assertEquals(TaskStatus.SPEC_APPROVED, approved.getStatus());

        Task implemented = awaitStatus(operator, id, TaskStatus.IMPLEMENTATION_REVIEW);
        assertEquals(implemented.getChecklistTotal(), implemented.getChecklistDone());
        assertEquals(TaskStatus.DONE, operator.decideGate(id, Gate.IMPLEMENTATION, Decision.APPROVE, null).getStatus());

        assertTrue(developer.listTasks(TaskStatus.DONE, 0, 1000).stream().anyMatch(t -> t.getId() == id));
        assertTrue(developer.listTasks(TaskStatus.BACKLOG, 0, 1000).stream().noneMatch(t -> t.getId() == id));

        JsonObject decided = newestAudit("actor=omar-soap&action=task.decide&target="
                + URLEncoder.encode("/api/v1/tasks/" + id, StandardCharsets.UTF_8));
        assertEquals("SUCCESS", decided.getString("outcome"));
        assertEquals("{\"status\":\"DONE\"}", decided.getString("after"));
        assertEquals("/api/v1/tasks/" + id,
                newestAudit("actor=sally-soap&action=task.create").getString("target"));
    }

    @Test
    void badInputIsAValidationFaultThatNamesEachFieldAndCreatesNothing() throws Exception {
        TaskPort developer = basic(taskPort(), "sally-soap");
        int before = developer.listTasks(null, 0, 1000).size();

        HelixFault fault = faultOf(() -> developer.submitTask(" ", null, null, null, null));
        assertEquals("validation", fault.getCode());
        assertEquals(Map.of("prompt", "must not be blank", "title", "must not be blank"), fields(fault));
        assertTrue(fault.getMessage().contains("title must not be blank"), fault.getMessage());

        HelixFault paging = faultOf(() -> developer.listTasks(null, -1, 5000));
        assertEquals(Set.of("offset", "limit"), fields(paging).keySet());
        assertEquals(before, developer.listTasks(null, 0, 1000).size());

        HelixFault decision = faultOf(() -> usernameToken(taskPort(), "omar-soap", "omar-soap-password-123")
                .decideGate(1, null, Decision.APPROVE, "x".repeat(4001)));
        assertEquals(Set.of("comment", "gate"), fields(decision).keySet());
    }

    @Test
    void aMissingPermissionIsAForbiddenFaultThatNamesItAndIsAudited() throws Exception {
        long id = basic(taskPort(), "sally-soap").submitTask("Readable", "Anyone may read me", null, null, null).getId();
        TaskPort viewer = basic(taskPort(), "vic-soap");
        assertEquals("Readable", viewer.getTask(id).getTitle());

        HelixFault fault = faultOf(() -> viewer.submitTask("Not mine", "No rights", null, null, null));
        assertEquals("forbidden", fault.getCode());
        assertTrue(fault.getMessage().contains("'task:create'"), fault.getMessage());
        assertEquals("DENIED", newestAudit("actor=vic-soap&action=task.create").getString("outcome"));

        HelixFault decide = faultOf(() -> basic(taskPort(), "sally-soap").decideGate(1, Gate.SPEC, Decision.APPROVE, null));
        assertEquals("forbidden", decide.getCode());
        assertTrue(decide.getMessage().contains("'task:decide'"), decide.getMessage());
    }

    @Test
    void aCallerWhoIsNotSignedInOrSignsInWronglyIsRefused() {
        HelixFault anonymous = faultOf(() -> taskPort().getTask(1));
        assertEquals("unauthorized", anonymous.getCode());

        HelixFault wrongPassword = faultOf(() -> usernameToken(taskPort(), "omar-soap", "not-the-password").getTask(1));
        assertEquals("unauthorized", wrongPassword.getCode());
        assertEquals("DENIED", newestAudit("actor=omar-soap&action=auth.sign-in").getString("outcome"));

        // Wrong HTTP credentials are refused before the message is read, with a SOAP fault that says why.
        TaskPort wrongBasic = taskPort();
        ((BindingProvider) wrongBasic).getRequestContext().put(BindingProvider.USERNAME_PROPERTY, "sally-soap");
        ((BindingProvider) wrongBasic).getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, "wrong");
        WebServiceException refused = assertThrows(WebServiceException.class, () -> wrongBasic.getTask(1));
        assertTrue(refused.getMessage().contains("Wrong user name or password"), refused.getMessage());
    }

    @Test
    void anUnknownTaskIsANotFoundFault() {
        HelixFault fault = faultOf(() -> basic(taskPort(), "sally-soap").getTask(987_654_321L));
        assertEquals("not-found", fault.getCode());
        assertTrue(fault.getMessage().contains("987654321"), fault.getMessage());
    }

    @Test
    void theAgentServiceAnswersAnApiKeyWithTheGalleryAndThePool() throws Exception {
        String key = HelixClient.as("sally-soap", "sally-soap-password-123")
                .post("/api/v1/me/api-keys", "{\"name\":\"soap-" + System.nanoTime() + "\"}").expect(201).object()
                .getString("key");
        AgentPort agents = new AgentService(new URL(HelixClient.BASE + "/soap/AgentService?wsdl")).getAgentPort();
        ((BindingProvider) agents).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS,
                Map.of("X-API-Key", List.of(key)));
        ((BindingProvider) agents).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                HelixClient.BASE + "/soap/AgentService");

        assertTrue(agents.listProfiles().stream().anyMatch(p -> p.getRole().equals("coder") && p.isBuiltIn()));
        PoolStatistics pool = agents.getPoolStatistics();
        assertEquals(agents.listAgents().size(), pool.getTotal());
        assertEquals(pool.getTotal(), pool.getByStatus().stream().mapToLong(c -> c.getAgents()).sum());
    }

    @Test
    void theWsdlIsPublishedWithTheServersAddress() {
        String wsdl = HelixClient.anonymous().get("/soap/TaskService?wsdl").expect(200).body();
        assertTrue(wsdl.contains("name=\"decideGate\""), wsdl);
        assertTrue(wsdl.contains(URI.create(HelixClient.BASE).getPort() + "/soap/TaskService\""), wsdl);
    }

    private static TaskPort taskPort() {
        TaskPort port = tasks.getTaskPort();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                HelixClient.BASE + "/soap/TaskService");
        return port;
    }

    private static TaskPort basic(TaskPort port, String user) {
        ((BindingProvider) port).getRequestContext().put(BindingProvider.USERNAME_PROPERTY, user);
        ((BindingProvider) port).getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, user + "-password-123");
        return port;
    }

    /** Signs each message in with a WS-Security UsernameToken (PasswordText), as a WS-Security stack would. */
    private static TaskPort usernameToken(TaskPort port, String user, String password) {
        List<Handler> chain = List.of(new UsernameTokenSigner(user, password));
        ((BindingProvider) port).getBinding().setHandlerChain(chain);
        return port;
    }

    private static Task awaitStatus(TaskPort port, long id, TaskStatus status) throws HelixFault_Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Task task = port.getTask(id);
        while (task.getStatus() != status) {
            assertTrue(Instant.now().isBefore(deadline), "task " + id + " is still " + task.getStatus());
            HelixClient.sleep(250);
            task = port.getTask(id);
        }
        return task;
    }

    private static HelixFault faultOf(SoapCall call) {
        return assertThrows(HelixFault_Exception.class, call::run).getFaultInfo();
    }

    private static Map<String, String> fields(HelixFault fault) {
        return fault.getField().stream().collect(java.util.stream.Collectors.toMap(HelixFault.Field::getName,
                HelixFault.Field::getProblem));
    }

    private static JsonObject newestAudit(String query) {
        List<JsonObject> found = HelixClient.admin().get("/api/v1/admin/audit?limit=1&" + query).expect(200).json()
                .asJsonArray().getValuesAs(JsonObject.class);
        assertFalse(found.isEmpty(), "no audit record for " + query);
        return found.get(0);
    }

    /** A call of the task service that is expected to fail with its fault. */
    @FunctionalInterface
    private interface SoapCall {
        void run() throws HelixFault_Exception;
    }

    /** Adds a WS-Security header with a UsernameToken to each outgoing message. */
    private record UsernameTokenSigner(String user, String password) implements SOAPHandler<SOAPMessageContext> {

        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                try {
                    SOAPEnvelope envelope = context.getMessage().getSOAPPart().getEnvelope();
                    SOAPHeader header = envelope.getHeader() == null ? envelope.addHeader() : envelope.getHeader();
                    SOAPElement security = header.addChildElement("Security", "wsse", WSSE);
                    security.addAttribute(new QName(envelope.getNamespaceURI(), "mustUnderstand", envelope.getPrefix()), "1");
                    SOAPElement token = security.addChildElement("UsernameToken", "wsse");
                    token.addChildElement("Username", "wsse").addTextNode(user);
                    token.addChildElement("Password", "wsse").addTextNode(password).setAttribute("Type",
                            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText");
                } catch (SOAPException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }

        @Override
        public boolean handleFault(SOAPMessageContext context) {
            return true;
        }

        @Override
        public void close(MessageContext context) {
            // nothing held
        }

        @Override
        public Set<QName> getHeaders() {
            return Set.of();
        }
    }
}
