package dev.helix.spirals.model;

import dev.helix.spirals.model.definition.DefinitionReader;
import dev.helix.spirals.model.definition.SpiralDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One version of a spiral's definition, as saved (JSON). Versions are never changed; editing adds one. */
@Entity
@Table(name = "spiral_version")
@IdClass(SpiralVersion.Key.class)
public class SpiralVersion {

    /** Primary key: spiral and version number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long spiralId;
        private Integer version;

        public Key() {
        }

        public Key(long spiralId, int version) {
            this.spiralId = spiralId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(spiralId, key.spiralId) && Objects.equals(version, key.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(spiralId, version);
        }
    }

    @Id
    @Column(name = "spiral_id")
    private Long spiralId;

    @Id
    private Integer version;

    @Column(nullable = false, length = 200_000)
    private String definition;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SpiralVersion() {
    }

    public SpiralVersion(long spiralId, int version, String definition, String createdBy, Instant createdAt) {
        this.spiralId = spiralId;
        this.version = version;
        this.definition = definition;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getSpiralId() {
        return spiralId;
    }

    public int getVersion() {
        return version;
    }

    public String getDefinition() {
        return definition;
    }

    /** The definition, read again (it was valid when saved). */
    public SpiralDefinition read() {
        return DefinitionReader.read(definition);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
