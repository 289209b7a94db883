package dev.helix.tasks.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checklist of an implementation plan, parsed from markdown: every line shaped
 * {@code - [ ] text}, {@code - [~] text} or {@code - [x] text} (also with {@code *}, indented) is an item;
 * everything else is left alone. Immutable: changing an item gives a new markdown text.
 */
public final class Checklist {

    private static final Pattern ITEM = Pattern.compile("^(\\s*[-*+]\\s+\\[)([ ~xX])(\\]\\s+)(.*)$");
    private static final int WINDOW = 2;

    private final List<String> lines;
    private final List<ChecklistItem> items;

    private Checklist(List<String> lines, List<ChecklistItem> items) {
        this.lines = lines;
        this.items = items;
    }

    /** Parses a markdown document; {@code null} or blank gives an empty checklist. */
    public static Checklist parse(String markdown) {
        List<String> lines = markdown == null || markdown.isEmpty()
                ? List.of() : List.of(markdown.split("\r?\n", -1));
        List<ChecklistItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ITEM.matcher(lines.get(i));
            if (m.matches()) {
                items.add(new ChecklistItem(items.size(), i, ItemState.ofMarker(m.group(2).charAt(0)), m.group(4).strip()));
            }
        }
        return new Checklist(lines, List.copyOf(items));
    }

    public List<ChecklistItem> items() {
        return items;
    }

    /** The first item in progress, else the first pending one; empty when all are done. */
    public Optional<ChecklistItem> current() {
        return items.stream().filter(i -> i.state() == ItemState.IN_PROGRESS).findFirst()
                .or(() -> items.stream().filter(i -> i.state() == ItemState.PENDING).findFirst());
    }

    public int doneCount() {
        return (int) items.stream().filter(i -> i.state() == ItemState.DONE).count();
    }

    /** The current item with the two before and the two after it; when all is done, the last two as "before". */
    public ChecklistProgress progress() {
        Optional<ChecklistItem> current = current();
        int pivot = current.map(ChecklistItem::index).orElse(items.size());
        List<ChecklistItem> before = items.subList(Math.max(0, pivot - WINDOW), pivot);
        List<ChecklistItem> after = current.isEmpty()
                ? List.of() : items.subList(pivot + 1, Math.min(items.size(), pivot + 1 + WINDOW));
        return new ChecklistProgress(current.orElse(null), List.copyOf(before), List.copyOf(after),
                doneCount(), items.size());
    }

    /** The markdown with one item's marker set to a new state. */
    public String withState(ChecklistItem item, ItemState state) {
        List<String> changed = new ArrayList<>(lines);
        Matcher m = ITEM.matcher(changed.get(item.line()));
        if (!m.matches()) {
            throw new IllegalArgumentException("Line " + item.line() + " is not a checklist item");
        }
        changed.set(item.line(), m.group(1) + state.marker() + m.group(3) + m.group(4));
        return String.join("\n", changed);
    }
}
