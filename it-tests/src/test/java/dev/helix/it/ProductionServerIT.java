package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.testing.LocalPostgres;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Helix in its production configuration: the server {@code helix-production} keeps Helix's tables in one database of
 * a real PostgreSQL (started here from Debian's packages) and Liberty's timers and batch job repository in another,
 * and its work orders and fleet events travel through a real ActiveMQ Artemis broker (started here from Artemis's
 * distribution) by Artemis's resource adapter; the server has no messaging engine of its own. A task goes through
 * both gates to DONE and a ritual's batch job completes, and what they wrote is in PostgreSQL. With the database
 * stopped, requests are refused at once with a 503 problem, and once it is back the work goes on; with the broker
 * stopped, new work is refused so (reads are served), and once it is back the message-driven beans have reconnected.
 */
class ProductionServerIT {

    private static final StandaloneServer SERVER = new StandaloneServer("helix-production",
            System.getProperty("helix.it.production.url", "http://localhost:39180"));
    /** The tables (schema.name) whose name is like the parameter, in whichever schema. */
    private static final String TABLES_LIKE = "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            + "WHERE lower(table_name) LIKE ? AND table_schema NOT IN ('pg_catalog', 'information_schema')";
    private static LocalPostgres postgres;
    private static LocalArtemis artemis;

    @BeforeAll
    static void startOutsideServicesAndServer() throws Exception {
        postgres = LocalPostgres.start(Integer.getInteger("helix.it.postgres.port", 25432));
        postgres.newDatabase("helix");
        postgres.newDatabase("helix_liberty");
        artemis = LocalArtemis.start(Integer.getInteger("helix.it.artemis.port", 26616));
        SERVER.start();
    }

    @AfterAll
    static void stopServerAndOutsideServices() throws Exception {
        try {
            SERVER.stop();
        } finally {
            try {
                if (artemis != null) {
                    artemis.close();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    @Test
    void aTaskGoesThroughBothGatesToDoneWithItsHistoryInPostgreSql() {
        HelixClient admin = HelixClient.admin().at(SERVER.baseUrl());
        long id = admin.post("/api/v1/tasks", "{\"title\":\"Stored in PostgreSQL\",\"prompt\":\"Add a login page\"}")
                .expect(201).object().getJsonNumber("id").longValue();
        admin.awaitStatus(id, "SPEC_REVIEW");
        admin.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").expect(200);
        admin.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        assertEquals("DONE", admin.post("/api/v1/tasks/" + id + "/approvals",
                "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200).object().getString("status"));

        assertEquals(List.of("BACKLOG", "SPEC_GENERATION", "SPEC_REVIEW", "SPEC_APPROVED", "IMPLEMENTATION_QUEUED",
                "IMPLEMENTATION", "IMPLEMENTATION_REVIEW", "DONE"),
                postgres.strings("helix", "SELECT to_status FROM task_transition WHERE task_id = ? ORDER BY id", id));
        assertEquals(List.of(), postgres.strings("helix", TABLES_LIKE, "wlp%"), "Liberty's tables are not among Helix's");
    }

    @Test
    void aRitualsBatchJobCompletesWithItsRepositoryInPostgreSql() {
        HelixClient admin = HelixClient.admin().at(SERVER.baseUrl());
        long run = RitualIT.id(admin.post("/api/v1/rituals/z-88/runs", "{\"steps\":27}").expect(202).object());

        JsonObject ended = RitualIT.awaitRun(admin, "z-88", run,
                r -> r.getString("status").equals("COMPLETED") || r.getString("status").equals("FAILED"));

        assertEquals("COMPLETED", ended.getString("status"), ended::toString);
        long instance = ended.getJsonNumber("batchInstanceId").longValue();
        List<String> repository = postgres.strings("helix_liberty", TABLES_LIKE, "wlpjobinstance%");
        assertEquals(1, repository.size(), () -> "Liberty's job repository is in its own database: " + repository + " among "
                + postgres.strings("helix_liberty", TABLES_LIKE, "%"));
        assertTrue(postgres.strings("helix_liberty", "SELECT CAST(jobinstanceid AS VARCHAR) FROM " + repository.get(0)
                + " WHERE jobinstanceid = ?", instance).contains(Long.toString(instance)), "with the ritual's job instance");
    }

    @Test
    void whileTheDatabaseIsDownRequestsAreRefusedWith503AndOnceItIsBackTheWorkGoesOn() throws Exception {
        HelixClient admin = HelixClient.admin().at(SERVER.baseUrl());
        admin.get("/api/v1/tasks").expect(200);

        postgres.stop();
        try {
            assertRefused("database-unavailable", admin.get("/api/v1/tasks"));
            assertRefused("database-unavailable", admin.post("/api/v1/tasks",
                    "{\"title\":\"Written while the database is down\",\"prompt\":\"Wait\"}"));
        } finally {
            postgres.startAgain();
        }

        assertTheWorkGoesOnWithout(admin, "Written while the database is down");
    }

    @Test
    void whileTheBrokerIsDownNewWorkIsRefusedWith503AndOnceItIsBackTheWorkGoesOn() throws Exception {
        HelixClient admin = HelixClient.admin().at(SERVER.baseUrl());
        admin.get("/api/v1/tasks").expect(200);

        artemis.stop();
        try {
            assertRefused("messaging-unavailable", admin.post("/api/v1/tasks",
                    "{\"title\":\"Sent while the broker is down\",\"prompt\":\"Wait\"}"));
            admin.get("/api/v1/tasks").expect(200);
        } finally {
            artemis.startAgain();
        }

        assertTheWorkGoesOnWithout(admin, "Sent while the broker is down");
    }

    /** The answer is the outage's 503 problem, with {@code Retry-After}. */
    private static void assertRefused(String outage, HelixClient.Answer refused) {
        assertEquals(outage, refused.tellsNoInternals().problem(503).getString("type").replaceFirst(".*/", ""),
                refused::toString);
        assertEquals("5", refused.retryAfter());
    }

    /**
     * Once the outside service is back, a new task is accepted within a minute and the agents take it up; the task
     * refused during the outage was not written.
     */
    private static void assertTheWorkGoesOnWithout(HelixClient admin, String refusedTitle) {
        long id = -1;
        for (long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos(); id < 0; ) {
            HelixClient.Answer created = admin.post("/api/v1/tasks",
                    "{\"title\":\"Accepted once it is back\",\"prompt\":\"Add a login page\"}");
            if (created.status() == 201) {
                id = created.object().getJsonNumber("id").longValue();
            } else {
                assertTrue(System.nanoTime() < deadline, "Helix did not accept work within a minute: " + created);
                HelixClient.sleep(500);
            }
        }
        admin.awaitStatus(id, "SPEC_REVIEW");
        assertEquals(List.of(), postgres.strings("helix", "SELECT title FROM task WHERE title = ?", refusedTitle),
                "what was refused was not written");
    }
}
