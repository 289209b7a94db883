package dev.helix.tasks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentWaitTest {

    private final AgentWait wait = new AgentWait(Duration.ofSeconds(1), Duration.ofSeconds(15));

    @Test
    void aTaskThatHasJustStartedWaitingAsksAgainAfterTheShortestPause() {
        assertEquals(Duration.ofSeconds(1), wait.after(Duration.ZERO));
        assertEquals(Duration.ofSeconds(1), wait.after(Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(1), wait.after(Duration.ofSeconds(-2)), "a clock a little behind another server's");
    }

    @Test
    void aLongerWaitAsksLessOftenUpToTheLongestPause() {
        assertEquals(Duration.ofSeconds(5), wait.after(Duration.ofSeconds(20)));
        assertEquals(Duration.ofSeconds(15), wait.after(Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(15), wait.after(Duration.ofMinutes(30)));
    }
}
