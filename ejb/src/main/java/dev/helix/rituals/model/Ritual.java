package dev.helix.rituals.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A ritual: a named procedure made of registered stages, run on a cron schedule while enabled, or by hand.
 * Built-in rituals keep their stages; custom ones are composed by administrators.
 */
@Entity
@Table(name = "ritual")
public class Ritual {

    @Id
    private String name;

    @Column(nullable = false, length = 1000)
    private String description;

    @Column(nullable = false, length = 1000)
    private String stages;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    private String cron;

    @Column(nullable = false)
    private boolean enabled;

    private Integer steps;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Ritual() {
    }

    public Ritual(String name, String description, List<String> stages, Instant now) {
        this.name = name;
        this.description = description;
        this.stages = String.join(",", stages);
        this.updatedAt = now;
    }

    public void schedule(String cron, boolean enabled, Instant now) {
        this.cron = cron;
        this.enabled = enabled;
        this.updatedAt = now;
    }

    public void compose(String description, List<String> stages, Instant now) {
        this.description = description;
        this.stages = String.join(",", stages);
        this.updatedAt = now;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getStages() {
        return Arrays.asList(stages.split(","));
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public String getCron() {
        return cron;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The default step count of a ritual whose stages take one (Z-88), else {@code null}. */
    public Integer getSteps() {
        return steps;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
