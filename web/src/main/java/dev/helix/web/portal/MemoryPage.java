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
    private List<Hit> hits;
    private IndexStatus status;
    private String text;
    private MemoryKind kind = MemoryKind.TASK_SUMMARY;
    private String newWorkspace;

    /** The index's state, read once per request (Jakarta EL 5 reads JavaBean getters, not record accessors). */
    public Index getIndex() {
        if (status == null) {
            status = memories.status();
        }
        return new Index(status);
    }

    /**
     * The search is read from the request when the page starts, so that its results (and their Forget buttons)
     * exist again when a button in them posts back.
     */
    @PostConstruct
    void readSearch() {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        query = parameters.get("memory:query");
        workspace = parameters.get("memory:workspace");
        String many = parameters.get("memory:k_hinput");
        k = many == null || !many.matches("\\d{1,2}") ? k : Integer.parseInt(many);
    }

    public boolean isSearched() {
        return query != null && !query.isBlank();
    }

    /** The search's results, most similar first (searched once per request). */
    public List<Hit> getHits() {
        if (hits == null && isSearched()) {
            hits = messages.attempt(null, () -> memories.search(query, k, blankToNull(workspace))).orElse(List.of())
                    .stream().map(Hit::new).toList();
        }
        return hits;
    }

    /** The newest memories (of the workspace field's workspace, when one is named). */
    public List<Memory> getLatest() {
        return messages.read(() -> memories.latest(blankToNull(workspace), LATEST)).orElse(List.of());
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

    /** A search result as the page reads it. */
    public static final class Hit {
        private final MemoryHit hit;

        Hit(MemoryHit hit) {
            this.hit = hit;
        }

        public Memory getMemory() {
            return hit.memory();
        }

        public float getScore() {
            return hit.score();
        }
    }

    /** The memory index's state as the page reads it. */
    public static final class Index {
        private final IndexStatus status;

        Index(IndexStatus status) {
            this.status = status;
        }

        public String getState() {
            return status.state().name();
        }

        public boolean isLoading() {
            return status.state() == IndexStatus.State.LOADING;
        }

        public long getLoaded() {
            return status.loaded();
        }

        public long getTotal() {
            return status.total();
        }

        public int getPercent() {
            return status.percent();
        }

        public String getEmbedder() {
            return status.embedder();
        }

        public String getBackend() {
            return status.compute().backend().name();
        }

        public String getDevice() {
            return status.compute().device();
        }

        public String getNote() {
            return status.compute().note();
        }

        public String getProblem() {
            return status.problem();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
