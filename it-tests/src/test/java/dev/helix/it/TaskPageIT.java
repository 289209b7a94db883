package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A task's page in a real browser: a reviewer decides both gates with a comment and sees the task reach DONE, or
 * rejects its spec and sees it come back revised; a comment being written survives the page's live refreshes; a
 * decision whose permission was taken away meanwhile says why, and a request that fails (an expired page, an ended
 * session) shows an error instead of nothing; the model's output appears while it is written, and the run is
 * replayed from the page. Each outcome is checked through the REST API too.
 */
@ExtendWith(ArquillianExtension.class)
class TaskPageIT extends BrowserTest {

    private static final String REVIEWER = "gate-keeper";

    private final HelixClient admin = HelixClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void bothGatesAreApprovedWithACommentUntilTheTaskIsDone() {
        long id = openedInSpecReview("Approved on its page");

        decide("approve", "The spec reads right");
        awaitNotice("SPEC approved");
        awaitStatusOnPage("IMPLEMENTATION_REVIEW"); // the agents' work arrives by push
        decide("approve", "Ship it");
        awaitNotice("IMPLEMENTATION approved");
        awaitStatusOnPage("DONE");

        assertEquals("DONE", admin.get("/api/v1/tasks/" + id).expect(200).object().getString("status"));
        assertEquals(List.of("SPEC APPROVE by admin: The spec reads right", "IMPLEMENTATION APPROVE by admin: Ship it"),
                approvals(id));
        assertTrue(browser.findElements(By.id("gate:approve")).isEmpty(), "a finished task offers no decision");
    }

    @Test
    void aTaskInAProjectShowsItsDocumentsVersionsToolCallsAndDiffAndApprovingItsGatesMergesTheBranch() {
        long project = admin.cloneOfTheDemo("Page " + System.nanoTime()).getJsonNumber("id").longValue();
        long id = admin.post("/api/v1/tasks", "{\"title\":\"Reviewed on its page\",\"prompt\":\"Greet loudly\",\"projectId\":"
                + project + "}").expect(201).object().getJsonNumber("id").longValue();
        admin.awaitStatus(id, "SPEC_REVIEW");
        open(id, "admin", HelixClient.ADMIN_PASSWORD);
        wait.until(d -> textContent("docs").contains("SPEC_GENERATION → SPEC_REVIEW"));
        browser.findElement(By.linkText("Document commits")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("docs:commitsForm:commits:0:show"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("document-diff"), "+Status: SPEC_REVIEW"));
        assertEquals("helix-diff-del", browser.findElement(By.xpath("//pre[@id='document-diff']/span[.='-Status: SPEC_GENERATION']"))
                .getAttribute("class"), "the version before, as the diff's other side");

        decide("approve", "Go ahead");
        awaitStatusOnPage("IMPLEMENTATION_REVIEW");
        String tabs = textContent("docs");
        assertTrue(tabs.contains("helix/task-" + id), "the Changes tab names the branch");
        assertTrue(tabs.contains("docs/helix/reviewed-on-its-page.md"), "and the file the agent wrote");
        assertTrue(tabs.contains("+- Implement: Greet loudly"), "and shows the diff");
        assertTrue(tabs.contains("run_command") && tabs.contains("FAIL greets by name"), "the Activity tab shows the test run");
        assertEquals("helix-diff-add", browser.findElement(By.xpath("//pre[@id='diff']/span[starts-with(., '+- Implement')]"))
                .getAttribute("class"));

        decide("approve", "Merge it");
        awaitNotice("IMPLEMENTATION approved");
        awaitStatusOnPage("DONE");
        assertTrue(approvals(id).get(1).startsWith("IMPLEMENTATION APPROVE by admin: Merge it (merged into main as "),
                approvals(id).toString());
    }

    @Test
    void theModelsOutputStreamsToThePageAsItIsWrittenAndTheRunIsReplayedFromThePage() throws InterruptedException {
        String provider = "it-page-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        ProviderBindings bindings = new ProviderBindings(admin);
        // A viewer whose role may watch the fleet but not read tasks gets the fleet's events, not what models write.
        HelixClient fleetWatcher = HelixClient.user("fleet-watcher", "viewer");
        JsonObject viewer = admin.get("/api/v1/admin/roles").expect(200).json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(role -> role.getString("role").equals("viewer")).findFirst().orElseThrow();
        admin.put("/api/v1/admin/roles/viewer", Json.createObjectBuilder().add("permissions", Json.createArrayBuilder(
                viewer.getJsonArray("permissions").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .filter(p -> !p.equals("task:read")).toList())).build().toString()).expect(200);
        try (FakeOpenAi fake = new FakeOpenAi("page-model"); FleetStream everything = admin.fleetStream();
             FleetStream fleetOnly = fleetWatcher.fleetStream()) {
            admin.post("/api/v1/admin/providers", ProviderBindings.registration(fake, provider, "sk-page-key", "page-model", 0,
                    "PT60S")).expect(201);
            bindings.bindWorkingRolesTo(provider, "page-model");
            fake.script(FakeOpenAi.Reply.paced(FakeOpenAi.specJson("R1: the page shows what the model writes while it writes it, "
                    + "word by word, so a reviewer can follow the agent's thinking long before the spec is done.",
                    "The fleet stream carries the model's output to the task page.", "- [ ] Watch the words arrive"),
                    Duration.ofMillis(500)));
            HeadlessBrowser.signIn(browser, "/dashboard.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
            // A slow network: the task page's stream connects seconds after the page arrived, while the model writes.
            HeadlessBrowser.connectStreamsLate(browser, Duration.ofSeconds(4));
            long id = admin.post("/api/v1/tasks", "{\"title\":\"Watched while written\",\"prompt\":\"Show the words.\"}")
                    .expect(201).object().getJsonNumber("id").longValue();
            // The task may wait its turn behind other tests' work before its agent asks the model.
            for (long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos(); fake.calls().isEmpty(); ) {
                assertTrue(System.nanoTime() < deadline, "the agent never asked the model");
                Thread.sleep(100);
            }
            browser.get(HelixClient.BASE + "/task.xhtml?id=" + id);

            // The first words (one every half second) are written before the stream connects: drawn once it does.
            wait.until(d -> textContent("model-output").contains("the page shows what"));
            assertEquals("SPEC_GENERATION", browser.findElement(By.id("status")).getText(), "the words came while the model wrote");
            // The later ones come by the stream as they are written.
            wait.until(d -> textContent("model-output").contains("long before the spec"));
            assertEquals("SPEC_GENERATION", browser.findElement(By.id("status")).getText(), "the words came while the model wrote");
            browser.findElement(By.id("replayForm:replay")).click();
            awaitNotice("Task " + id + " is still being worked on (SPEC_GENERATION)");
            assertTrue(browser.getCurrentUrl().contains("id=" + id) || browser.getCurrentUrl().endsWith("task.xhtml"),
                    "a run not recorded whole yet is not replayed: the page stays");
            awaitStatusOnPage("SPEC_REVIEW");
            assertTrue(textContent("model-output").contains("- [ ] Watch the words arrive"), "the whole answer was shown");
            assertTrue(everything.eventsOfTaskUntil(id, "SPEC_REVIEW", Duration.ofSeconds(30)).stream()
                    .anyMatch(e -> e.getString("type").equals("MODEL_OUTPUT")), "a reader of tasks hears what the model writes");
            assertTrue(fleetOnly.eventsOfTaskUntil(id, "SPEC_REVIEW", Duration.ofSeconds(30)).stream()
                    .noneMatch(e -> e.getString("type").equals("MODEL_OUTPUT")), "one who may not read tasks does not");
            assertTrue(textContent("docs").contains("WRITE_SPEC") && textContent("docs").contains(provider + " / page-model"),
                    "the Transcript tab lists the call");

            browser.findElement(By.id("replayForm:replay")).click();
            wait.until(d -> d.getCurrentUrl().matches(".*[?&]id=(?!" + id + "\\b)\\d+.*"));
            long replay = Long.parseLong(browser.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replayOf"), "replays #" + id));
            JsonObject replayed = admin.awaitStatus(replay, "SPEC_REVIEW");
            assertEquals(admin.get("/api/v1/tasks/" + id).expect(200).object().getString("requirements"),
                    replayed.getString("requirements"));
            assertEquals(1, fake.calls().size(), "the replay asked the model nothing");
            admin.post("/api/v1/tasks/" + replay + "/cancel", "").expect(200);
            admin.post("/api/v1/tasks/" + id + "/cancel", "").expect(200);
        } finally {
            bindings.restore();
            admin.put("/api/v1/admin/roles/viewer", Json.createObjectBuilder().add("permissions", viewer.getJsonArray("permissions"))
                    .build().toString()).expect(200);
        }
    }

    @Test
    void aRejectedSpecComesBackRevisedWithTheReviewersComment() {
        long id = openedInSpecReview("Rejected on its page");

        decide("reject", "Also export as CSV");
        awaitNotice("SPEC rejected");
        // The agent revises the spec and the page, told by push, shows the revision waiting for review again.
        wait.until(d -> textContent("plan").contains("Address review feedback: Also export as CSV"));
        awaitStatusOnPage("SPEC_REVIEW");
        assertTrue(textContent("docs").contains("Also export as CSV"), "the Approvals tab shows the comment");

        assertEquals(List.of("SPEC REJECT by admin: Also export as CSV"), approvals(id));
        assertEquals(List.of("BACKLOG", "SPEC_GENERATION", "SPEC_REVIEW", "SPEC_REVISION", "SPEC_REVIEW"),
                admin.get("/api/v1/tasks/" + id + "/history").expect(200).json().asJsonArray().stream()
                        .map(t -> t.asJsonObject().getString("to")).toList());
    }

    @Test
    void aCommentBeingWrittenSurvivesTheLiveRefreshesOfOtherTasksEvents() {
        long id = openedInSpecReview("Commented on its page");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gate:comment"))).sendKeys("Half a thought");
        WebElement status = browser.findElement(By.id("status"));
        taskInSpecReview("Another task moving meanwhile");
        wait.until(ExpectedConditions.stalenessOf(status)); // the page refreshed on the other task's events

        assertEquals("Half a thought", browser.findElement(By.id("gate:comment")).getDomProperty("value"));
        browser.findElement(By.id("gate:approve")).click();
        awaitNotice("SPEC approved");
        assertEquals(List.of("SPEC APPROVE by admin: Half a thought"), approvals(id));
    }

    @Test
    void aDecisionWhosePermissionWasTakenAwayMeanwhileSaysWhy() {
        HelixClient.user(REVIEWER, "operator");
        admin.put("/api/v1/admin/users/" + REVIEWER, "{\"roles\":[\"operator\"]}").expect(200); // also when run again
        long id = taskInSpecReview("Refused on its page");
        open(id, REVIEWER, REVIEWER + "-password-123");
        WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gate:comment")));
        comment.sendKeys("Fine by me");

        admin.put("/api/v1/admin/users/" + REVIEWER, "{\"roles\":[\"viewer\"]}").expect(200);
        browser.findElement(By.id("gate:approve")).click();

        awaitNotice("Deciding gates needs the permission task:decide");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("gate:approve")));
        assertEquals("SPEC_REVIEW", admin.get("/api/v1/tasks/" + id).expect(200).object().getString("status"));
        assertEquals(List.of(), approvals(id));
    }

    @Test
    void aDecisionOnAnExpiredPageShowsAnError() {
        long id = openedInSpecReview("Expired on its page");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gate:comment"))).sendKeys("Too late");
        // The server no longer knows the page's view, as after a restart.
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\").forEach(i => i.value = 'gone');");
        browser.findElement(By.id("gate:approve")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ajax-error")));
        assertTrue(error.getText().contains("This page has expired"), error.getText());
        assertEquals("SPEC_REVIEW", admin.get("/api/v1/tasks/" + id).expect(200).object().getString("status"));
    }

    @Test
    void aDecisionAfterTheSessionEndedShowsAnError() {
        long id = openedInSpecReview("Signed out on its page");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gate:comment"))).sendKeys("Still there?");
        browser.manage().deleteAllCookies(); // the session ends, as after a time-out
        browser.findElement(By.id("gate:approve")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ajax-error")));
        assertTrue(error.getText().contains("Your session has ended"), error.getText());
        assertEquals("SPEC_REVIEW", admin.get("/api/v1/tasks/" + id).expect(200).object().getString("status"));
    }

    /** A new task whose spec waits for review, on its page in the browser of a signed-in administrator. */
    private long openedInSpecReview(String title) {
        long id = taskInSpecReview(title);
        open(id, "admin", HelixClient.ADMIN_PASSWORD);
        return id;
    }

    /** Signs in and opens the task's page (signing in on it would land on the page without its {@code ?id=}). */
    private void open(long task, String user, String password) {
        HeadlessBrowser.signIn(browser, "/dashboard.xhtml", user, password);
        browser.get(HelixClient.BASE + "/task.xhtml?id=" + task);
    }

    /** A new task, once its spec waits for review. */
    private long taskInSpecReview(String title) {
        long id = admin.post("/api/v1/tasks", "{\"title\":\"" + title + "\",\"prompt\":\"Export a monthly report\"}")
                .expect(201).object().getJsonNumber("id").longValue();
        admin.awaitStatus(id, "SPEC_REVIEW");
        return id;
    }

    /** Writes a comment and clicks Approve or Reject ({@code button}: {@code approve} or {@code reject}). */
    private void decide(String button, String comment) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gate:comment")));
        field.clear();
        field.sendKeys(comment);
        browser.findElement(By.id("gate:" + button)).click();
    }

    private void awaitStatusOnPage(String status) {
        wait.until(ExpectedConditions.textToBe(By.id("status"), status));
    }

    /** Waits for a message on the page (the portal's notices appear for a few seconds). */
    private void awaitNotice(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), text));
    }

    /** The text of an element, including what its hidden tabs hold. */
    private String textContent(String id) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.textContent : '';", id));
    }

    /** The task's decisions, each as "GATE DECISION by user: comment". */
    private List<String> approvals(long id) {
        return admin.get("/api/v1/tasks/" + id + "/approvals").expect(200).json().asJsonArray()
                .getValuesAs(JsonObject.class).stream().map(a -> a.getString("gate") + " " + a.getString("decision")
                        + " by " + a.getString("decidedBy") + ": " + a.getString("comment")).toList();
    }
}
