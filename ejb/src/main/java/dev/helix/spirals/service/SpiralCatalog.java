package dev.helix.spirals.service;

import dev.helix.secrets.service.SecretVault;
import dev.helix.shared.error.ConcurrentChangeException;
import dev.helix.scheduling.model.CronSchedule;
import dev.helix.scheduling.service.Schedules;
import dev.helix.shared.error.NotFoundException;
import dev.helix.scheduling.model.ScheduleFired;
import dev.helix.spirals.model.definition.DefinitionReader;
import dev.helix.spirals.model.Spiral;
import dev.helix.spirals.model.definition.SpiralDefinition;
import dev.helix.spirals.model.SpiralVersion;
import dev.helix.spirals.model.definition.TriggerType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The spirals: create, edit (each edit a new version), delete, read. Definitions are validated before they are
 * saved. Each spiral has a secret in the vault, which inbound webhooks must sign with and outbound calls sign
 * with; a CRON spiral's schedule is a persistent timer that follows its current version.
 */
@Stateless
public class SpiralCatalog {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The prefix of spirals' schedule keys. */
    public static final String KEY_PREFIX = "spiral:";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretVault vault;

    @Inject
    Schedules schedules;

    @Inject
    SpiralDefinitions definitions;

    /** A spiral created from a definition, with version 1 and a new secret (returned once, here). */
    public Created create(String json, String actor) {
        SpiralDefinition definition = DefinitionReader.read(json);
        Instant now = Instant.now();
        Spiral spiral = new Spiral(definition, actor, now);
        em.persist(spiral);
        em.persist(new SpiralVersion(spiral.getId(), 1, json, actor, now));
        String secret = newSecret(spiral.getId());
        schedules.changed(scheduleKey(spiral.getId()));
        return new Created(spiral, secret);
    }

    /** A spiral and, once at creation or rotation, its secret. */
    public record Created(Spiral spiral, String secret) {
    }

    /** A new version of a spiral; runs under way keep the version they started with. */
    public Spiral update(long id, String json, String actor) {
        SpiralDefinition definition = DefinitionReader.read(json);
        Spiral spiral = spiral(id);
        Instant now = Instant.now();
        int version = spiral.revise(definition, now);
        ConcurrentChangeException.flush(em); // the version check first: an edit that raced another is a 409, not a duplicate
        em.persist(new SpiralVersion(id, version, json, actor, now));
        schedules.changed(scheduleKey(id));
        return spiral;
    }

    /** Deletes a spiral: it stops firing; its versions and runs stay readable. */
    public void delete(long id) {
        spiral(id).delete(Instant.now());
        schedules.changed(scheduleKey(id));
    }

    /** A new secret for the spiral's webhooks and signed calls, returned once. */
    public String rotateSecret(long id) {
        spiral(id);
        return newSecret(id);
    }

    /** The spiral's secret, for Helix's own use (verifying and signing). */
    public String secret(long id) {
        return vault.reveal(secretName(id));
    }

    public Spiral spiral(long id) {
        Spiral spiral = em.find(Spiral.class, id);
        if (spiral == null || spiral.isDeleted()) {
            throw new NotFoundException("Spiral", id);
        }
        return spiral;
    }

    public List<Spiral> spirals() {
        return em.createQuery("SELECT s FROM Spiral s WHERE s.deleted = FALSE ORDER BY s.name, s.id", Spiral.class).getResultList();
    }

    /** The spirals an event may start. */
    public List<Spiral> triggeredBy(TriggerType type) {
        return em.createQuery("SELECT s FROM Spiral s WHERE s.deleted = FALSE AND s.triggerType = :type", Spiral.class)
                .setParameter("type", type).getResultList();
    }

    public List<SpiralVersion> versions(long id) {
        spiral(id);
        return em.createQuery("SELECT v FROM SpiralVersion v WHERE v.spiralId = :id ORDER BY v.version DESC", SpiralVersion.class)
                .setParameter("id", id).getResultList();
    }

    public SpiralVersion version(long id, int version) {
        return Optional.ofNullable(em.find(SpiralVersion.class, new SpiralVersion.Key(id, version)))
                .orElseThrow(() -> new NotFoundException("Version " + version + " of spiral", id));
    }

    public SpiralVersion current(long id) {
        return version(id, spiral(id).getCurrentVersion());
    }

    /** When a CRON spiral fires next. */
    public Optional<Instant> nextFire(long id) {
        return schedule(id).map(schedules::nextFire);
    }

    /** The current version of every spiral, by spiral id, in one query. */
    public Map<Long, SpiralVersion> currentVersions() {
        return em.createQuery("SELECT v FROM SpiralVersion v, Spiral s WHERE v.spiralId = s.id AND v.version = s.currentVersion"
                        + " AND s.deleted = FALSE", SpiralVersion.class).getResultStream()
                .collect(Collectors.toMap(SpiralVersion::getSpiralId, v -> v));
    }

    /** When each CRON spiral fires next, by spiral id. */
    public Map<Long, Instant> nextFires() {
        return cronsOfCurrentVersions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> schedules.nextFire(e.getValue())));
    }

    /** The spiral a schedule fired for, or empty when the schedule is not a spiral's. */
    public static Optional<Long> spiralOf(ScheduleFired fired) {
        return spiralOf(fired.key());
    }

    /** The spiral a schedule key names, or empty when the key is not a spiral's. */
    public static Optional<Long> spiralOf(String key) {
        return key.startsWith(KEY_PREFIX) ? Optional.of(Long.parseLong(key.substring(KEY_PREFIX.length()))) : Optional.empty();
    }

    /** The schedule a spiral has now: its current definition's cron, when it is a CRON spiral that was not deleted. */
    public Optional<CronSchedule> schedule(long id) {
        Spiral spiral = em.find(Spiral.class, id);
        if (spiral == null || spiral.isDeleted() || spiral.getTriggerType() != TriggerType.CRON) {
            return Optional.empty();
        }
        return Optional.ofNullable(definitions.of(version(id, spiral.getCurrentVersion())).trigger().cron());
    }

    /** The schedule of every CRON spiral, by schedule key. */
    public Map<String, CronSchedule> schedules() {
        return cronsOfCurrentVersions().entrySet().stream()
                .collect(Collectors.toMap(e -> scheduleKey(e.getKey()), Map.Entry::getValue));
    }

    private Map<Long, CronSchedule> cronsOfCurrentVersions() {
        return currentVersions().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), definitions.of(e.getValue()).trigger()))
                .filter(e -> e.getValue().type() == TriggerType.CRON && e.getValue().cron() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().cron()));
    }

    private static String scheduleKey(long id) {
        return KEY_PREFIX + id;
    }

    private String newSecret(long id) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        vault.put(secretName(id), secret);
        return secret;
    }

    private static String secretName(long id) {
        return "spiral." + id + ".secret";
    }
}
