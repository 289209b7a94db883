package dev.helix.providers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helix.providers.model.SpecDraft;
import org.junit.jupiter.api.Test;

class SpecAnswerTest {

    @Test
    void readsTheThreeDocumentsOfAJsonAnswerEvenInsideACodeFence() {
        SpecDraft draft = SpecAnswer.parse("```json\n{\"requirements\":\"R1: add\",\"design\":\"A function\","
                + "\"plan\":\"# Plan\\n- [ ] Write add\\n- [ ] Test it\"}\n```", 42);
        assertEquals("R1: add\n", draft.requirements());
        assertEquals("A function\n", draft.design());
        assertEquals("# Plan\n- [ ] Write add\n- [ ] Test it\n", draft.plan());
        assertEquals(42, draft.tokens());
    }

    @Test
    void saysWhatIsWrongWithAnAnswerItCannotUse() {
        assertEquals("it is not JSON", problem("Sure! Here is the spec: ..."));
        assertEquals("it is JSON, but not an object", problem("[1,2]"));
        assertEquals("\"design\" is missing, empty or not a string", problem("{\"requirements\":\"r\",\"plan\":\"- [ ] x\"}"));
        assertEquals("\"requirements\" is missing, empty or not a string",
                problem("{\"requirements\":\" \",\"design\":\"d\",\"plan\":\"- [ ] x\"}"));
        assertEquals("the plan has no \"- [ ] \" checklist line", problem("{\"requirements\":\"r\",\"design\":\"d\",\"plan\":\"do it\"}"));
    }

    private static String problem(String answer) {
        return assertThrows(IllegalArgumentException.class, () -> SpecAnswer.parse(answer, 1)).getMessage();
    }
}
