package dev.helix.tasks.model;

import dev.helix.providers.model.ModelTurn;
import dev.helix.shared.model.Abbreviation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One call of a task's agent's model, in the task's transcript: the step it served (work order, kind, checklist
 * item, round within the step), who it was for, what was sent and what came back, and what it cost. The calls of a
 * step whose answer was taken are marked, and answer that step again when the task is replayed.
 */
@Entity
@Table(name = "model_exchange")
public class ModelExchange {

    /** The most characters of a request or an answer kept. */
    public static final int MAX_TEXT = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Column(name = "order_seq", nullable = false)
    private long orderSeq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ClaimedStep.Kind step;

    @Column(name = "item_number", nullable = false)
    private int itemNumber;

    /** The checklist item's text, for a step that works on one. */
    @Column(length = 1000)
    private String item;

    @Column(nullable = false)
    private int round;

    @Column(name = "agent_name", nullable = false, length = 128)
    private String agentName;

    @Column(nullable = false, length = 128)
    private String provider;

    @Column(nullable = false, length = 256)
    private String model;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(nullable = false, length = MAX_TEXT)
    private String request;

    @Column(length = MAX_TEXT)
    private String answer;

    @Column(length = 4000)
    private String failure;

    @Column(nullable = false)
    private long tokens;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(name = "step_completed", nullable = false)
    private boolean stepCompleted;

    @Column(nullable = false)
    private Instant at;

    protected ModelExchange() {
    }

    public ModelExchange(ClaimedStep claimed, String provider, String requestedBy, int round, ModelTurn turn, Instant at) {
        this.taskId = claimed.taskId();
        this.orderSeq = claimed.order().seq();
        this.step = claimed.kind();
        this.itemNumber = claimed.itemNumber();
        this.item = itemOf(claimed);
        this.round = round;
        this.agentName = Abbreviation.of(claimed.agentName(), 128);
        this.provider = Abbreviation.of(provider, 128);
        this.model = Abbreviation.of(claimed.model(), 256);
        this.requestedBy = requestedBy;
        this.request = Abbreviation.of(turn.request(), MAX_TEXT);
        this.answer = turn.answer() == null ? null : Abbreviation.of(turn.answer(), MAX_TEXT);
        this.failure = turn.failure() == null ? null : Abbreviation.of(turn.failure(), 4000);
        this.tokens = turn.tokens().total();
        this.durationMs = Math.max(0, turn.tookMillis());
        this.at = at;
    }

    /** The checklist item a step works on, as an exchange keeps it; {@code null} for a spec. */
    public static String itemOf(ClaimedStep step) {
        return step.work() == null ? null : Abbreviation.of(step.work().item(), 1000);
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public long getOrderSeq() {
        return orderSeq;
    }

    public ClaimedStep.Kind getStep() {
        return step;
    }

    public int getItemNumber() {
        return itemNumber;
    }

    public String getItem() {
        return item;
    }

    public int getRound() {
        return round;
    }

    public String getAgentName() {
        return agentName;
    }

    public String getProvider() {
        return provider;
    }

    public String getModel() {
        return model;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getRequest() {
        return request;
    }

    public String getAnswer() {
        return answer;
    }

    public String getFailure() {
        return failure;
    }

    public long getTokens() {
        return tokens;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public boolean isStepCompleted() {
        return stepCompleted;
    }

    public Instant getAt() {
        return at;
    }
}
