package dev.helix.tasks.model;

/** The state of one checklist item, written {@code [ ]}, {@code [~]} or {@code [x]} in markdown. */
public enum ItemState {
    PENDING(' '), IN_PROGRESS('~'), DONE('x');

    private final char marker;

    ItemState(char marker) {
        this.marker = marker;
    }

    /** The character between the brackets. */
    public char marker() {
        return marker;
    }

    static ItemState ofMarker(char marker) {
        return switch (marker) {
            case ' ' -> PENDING;
            case '~' -> IN_PROGRESS;
            case 'x', 'X' -> DONE;
            default -> throw new IllegalArgumentException("Not a checklist marker: " + marker);
        };
    }
}
