package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.memory.model.IndexStatus;
import dev.helix.memory.model.Memory;
import dev.helix.memory.model.MemoryHit;
import dev.helix.memory.model.MemoryKind;
import dev.helix.memory.model.NewMemory;
import dev.helix.memory.service.Memories;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The memory explorer: the index's state (loading progress, embedder, compute backend), a similarity search over
 * a workspace or all of them, the newest memories when nothing is searched, and adding and forgetting memories.
 */
@Named
@RequestScoped
public class MemoryPage {

    private static final int LATEST = 20;

    @Inject
    Memories memories;

    @Inject
    Caller caller;

    @Inject
    ActionPermission permission;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    @Inject
    FacesContext faces;

    private String query;
    private String workspace;
    private int k = 5;
    private List<MemoryHit> hits;
    private List<Memory> latest;
    private IndexStatus status;
    private String text;
    private MemoryKind kind = MemoryKind.TASK_SUMMARY;
    private String newWorkspace;

    /** The index's state, read once per request. */
    public IndexStatus getStatus() {
        if (status == null) {
            status = memories.status();
        }
        return status;
    }

    /**
     * The search is read from the request and run when the page starts: its results (and their Forget buttons)
     * exist again when a button in them posts back, and its problems are on the page before the messages are.
     */
    @PostConstruct
    void readSearch() {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        query = parameters.get("memory:query");
        workspace = parameters.get("memory:workspace");
        String many = parameters.get("memory:k");
        k = many == null || !many.strip().matches("\\d{1,2}") ? k : Integer.parseInt(many.strip());
        getHits();
    }

    public boolean isSearched() {
        return query != null && !query.isBlank();
    }

    /** The search's results, most similar first (searched once per request). */
    public List<MemoryHit> getHits() {
        if (hits == null && isSearched()) {
            hits = messages.attempt(null, () -> memories.search(query, k, blankToNull(workspace))).orElse(List.of());
        }
        return hits;
    }

    /** The newest memories (of the workspace field's workspace, when one is named). */
    public List<Memory> getLatest() {
        if (latest == null) {
            latest = messages.read(() -> memories.latest(blankToNull(workspace), LATEST)).orElse(List.of());
        }
        return latest;
    }

    public boolean isMayWrite() {
        return caller.may(Permission.MEMORY_WRITE);
    }

    @Audited("memory.create")
    public void remember() {
        if (!permission.granted(Permission.MEMORY_WRITE, "Adding memories")) {
            return;
        }
        messages.attempt(null, () -> memories.remember(new NewMemory(text, kind, blankToNull(newWorkspace), null),
                caller.name())).ifPresent(memory -> {
                    audit.target("/api/v1/memory/" + memory.getId());
                    messages.done("Memory " + memory.getId() + " stored in " + memory.getWorkspace());
                    text = null;
                });
    }

    @Audited("memory.delete")
    public void forget(long id) {
        if (!permission.granted(Permission.MEMORY_WRITE, "Forgetting memories")) {
            return;
        }
        audit.target("/api/v1/memory/" + id);
        if (messages.attempt(() -> memories.forget(id))) {
            messages.done("Memory " + id + " forgotten");
            hits = null;
        }
    }

    public MemoryKind[] getKinds() {
        return MemoryKind.values();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getWorkspace() {
        return workspace;
    }

    public void setWorkspace(String workspace) {
        this.workspace = workspace;
    }

    public int getK() {
        return k;
    }

    public void setK(int k) {
        this.k = k;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public MemoryKind getKind() {
        return kind;
    }

    public void setKind(MemoryKind kind) {
        this.kind = kind;
    }

    public String getNewWorkspace() {
        return newWorkspace;
    }

    public void setNewWorkspace(String newWorkspace) {
        this.newWorkspace = newWorkspace;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
