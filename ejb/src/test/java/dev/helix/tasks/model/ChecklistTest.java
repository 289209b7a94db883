package dev.helix.tasks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    private static final String PLAN = """
            # Plan

            Some prose that is not an item.
            - [x] one
            - [x] two
            * [x] three
            - [~] four
              - [ ] five (nested)
            - [ ] six
            - [ ] seven
            - [] not an item
            """;

    @Test
    void parsesItemsWithTheirStatesAndIgnoresEverythingElse() {
        Checklist checklist = Checklist.parse(PLAN);
        assertEquals(List.of("one", "two", "three", "four", "five (nested)", "six", "seven"),
                checklist.items().stream().map(ChecklistItem::text).toList());
        assertEquals(ItemState.IN_PROGRESS, checklist.items().get(3).state());
        assertEquals(3, checklist.doneCount());
    }

    @Test
    void theCurrentItemIsTheOneInProgressWithTwoBeforeAndTwoAfter() {
        ChecklistProgress progress = Checklist.parse(PLAN).progress();
        assertEquals("four", progress.current().text());
        assertEquals(List.of("two", "three"), progress.before().stream().map(ChecklistItem::text).toList());
        assertEquals(List.of("five (nested)", "six"), progress.after().stream().map(ChecklistItem::text).toList());
        assertEquals(3, progress.done());
        assertEquals(7, progress.total());
    }

    @Test
    void withoutAnItemInProgressTheFirstPendingIsCurrent() {
        ChecklistProgress progress = Checklist.parse("- [ ] a\n- [ ] b\n- [ ] c\n- [ ] d").progress();
        assertEquals("a", progress.current().text());
        assertTrue(progress.before().isEmpty());
        assertEquals(List.of("b", "c"), progress.after().stream().map(ChecklistItem::text).toList());
    }

    @Test
    void whenEverythingIsDoneThereIsNoCurrentItemAndTheLastTwoAreBefore() {
        ChecklistProgress progress = Checklist.parse("- [x] a\n- [X] b\n- [x] c").progress();
        assertNull(progress.current());
        assertEquals(List.of("b", "c"), progress.before().stream().map(ChecklistItem::text).toList());
        assertEquals(3, progress.done());
    }

    @Test
    void anEmptyOrMissingPlanHasNoItems() {
        assertEquals(0, Checklist.parse(null).progress().total());
        assertEquals(0, Checklist.parse("").items().size());
        assertEquals(0, Checklist.parse("just prose").items().size());
    }

    @Test
    void changingAnItemRewritesOnlyItsMarker() {
        Checklist checklist = Checklist.parse(PLAN);
        String changed = checklist.withState(checklist.items().get(4), ItemState.IN_PROGRESS);
        assertTrue(changed.contains("  - [~] five (nested)"));
        assertEquals(PLAN.replace("  - [ ] five", "  - [~] five"), changed);
        Checklist reparsed = Checklist.parse(changed);
        assertEquals(ItemState.IN_PROGRESS, reparsed.items().get(4).state());
        assertEquals(7, reparsed.items().size());
    }
}
