package dev.helix.spirals.model;

import dev.helix.spirals.model.definition.SpiralDefinition;
import dev.helix.spirals.model.definition.TriggerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A spiral: its name, trigger type and current version; each version's definition is a {@link SpiralVersion}. */
@Entity
@Table(name = "spiral")
public class Spiral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false)
    private TriggerType triggerType;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Spiral() {
    }

    public Spiral(SpiralDefinition definition, String createdBy, Instant now) {
        this.name = definition.name();
        this.triggerType = definition.trigger().type();
        this.currentVersion = 1;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes a new definition as the next version; returns its number. */
    public int revise(SpiralDefinition definition, Instant now) {
        this.name = definition.name();
        this.triggerType = definition.trigger().type();
        this.updatedAt = now;
        return ++currentVersion;
    }

    public void delete(Instant now) {
        this.deleted = true;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TriggerType getTriggerType() {
        return triggerType;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
