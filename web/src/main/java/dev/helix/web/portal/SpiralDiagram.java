package dev.helix.web.portal;

import dev.helix.shared.model.Abbreviation;
import dev.helix.spirals.model.definition.SpiralDefinition;
import dev.helix.spirals.model.definition.SpiralStep;
import dev.helix.spirals.model.definition.StepAction;
import dev.helix.spirals.model.definition.Trigger;
import dev.helix.spirals.model.definition.TriggerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A spiral drawn as an SVG diagram, server-side: the trigger at the top, one box per step in order below it, then
 * the end. Grey arrows lead from each step to the next; a branch's jumps are coloured arrows labelled "then" and
 * "else" to their target step or to the end. All text from the definition is XML-escaped.
 */
public final class SpiralDiagram {

    private static final int MARGIN = 10;
    private static final int BOX_X = 30;
    private static final int BOX_WIDTH = 320;
    private static final int BOX_HEIGHT = 48;
    private static final int TRIGGER_HEIGHT = 34;
    private static final int END_WIDTH = 80;
    private static final int END_HEIGHT = 30;
    private static final int GAP = 36;
    private static final int LANE_START = 26;
    private static final int LANE_WIDTH = 22;
    private static final int CENTRE = BOX_X + BOX_WIDTH / 2;
    private static final int MAX_TITLE = 40;
    private static final int MAX_DETAIL = 46;
    private static final String GREY = "#52606d";
    private static final String THEN = "#059669";
    private static final String ELSE = "#d97706";
    private static final Map<Character, String> ENTITIES = Map.of(
            '&', "&amp;", '<', "&lt;", '>', "&gt;", '"', "&quot;", '\'', "&apos;");

    /** One arrow: from a step to a step's position ({@code steps.size()} is the end), with a branch label or none. */
    private record Edge(int from, int to, String label) {
    }

    private SpiralDiagram() {
    }

    /** The diagram of a definition, as the text of an {@code <svg id="spiral-diagram">} element. */
    public static String svg(SpiralDefinition definition) {
        List<SpiralStep> steps = definition.steps();
        List<Edge> edges = edges(definition);
        int lanes = (int) edges.stream().filter(SpiralDiagram::routed).count();
        int width = BOX_X + BOX_WIDTH + LANE_START + lanes * LANE_WIDTH + MARGIN;
        int height = top(steps.size()) + END_HEIGHT + MARGIN;
        StringBuilder svg = new StringBuilder()
                .append("<svg id=\"spiral-diagram\" class=\"helix-diagram\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .append(" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"monospace\">")
                .append("<title>").append(escape(definition.name())).append("</title>");
        markers(svg);
        trigger(svg, definition.trigger());
        arrow(svg, "trigger", id(steps, 0), null, CENTRE, MARGIN + TRIGGER_HEIGHT, CENTRE, top(0));
        for (int i = 0; i < steps.size(); i++) {
            step(svg, steps.get(i), top(i));
        }
        int lane = 0;
        for (Edge edge : edges) {
            if (routed(edge)) {
                jump(svg, steps, edge, lane++);
            } else {
                arrow(svg, id(steps, edge.from()), id(steps, edge.to()), edge.label(),
                        CENTRE, top(edge.from()) + BOX_HEIGHT, CENTRE, top(edge.to()));
            }
        }
        svg.append("<g data-node=\"end\"><rect x=\"").append(CENTRE - END_WIDTH / 2).append("\" y=\"").append(top(steps.size()))
                .append("\" width=\"").append(END_WIDTH).append("\" height=\"").append(END_HEIGHT)
                .append("\" rx=\"15\" fill=\"#1f2933\"/>");
        text(svg, CENTRE, top(steps.size()) + 19, "end", "12", "#ffffff", "middle");
        return svg.append("</g></svg>").toString();
    }

    /** Where each step goes on: the next step, or for a branch its "then" and "else" targets. */
    private static List<Edge> edges(SpiralDefinition definition) {
        List<Edge> edges = new ArrayList<>();
        List<SpiralStep> steps = definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).action() instanceof StepAction.Branch branch) {
                int then = target(definition, i, branch.then());
                int otherwise = target(definition, i, branch.otherwise());
                if (then == otherwise) {
                    edges.add(new Edge(i, then, null));
                } else {
                    edges.add(new Edge(i, then, "then"));
                    edges.add(new Edge(i, otherwise, "else"));
                }
            } else {
                edges.add(new Edge(i, i + 1, null));
            }
        }
        return edges;
    }

    private static int target(SpiralDefinition definition, int from, String jump) {
        if (jump == null) {
            return from + 1;
        }
        return StepAction.Branch.END.equals(jump) ? definition.steps().size() : definition.positionOf(jump).orElse(from + 1);
    }

    /** A jump past the next box goes round the boxes, on a lane of its own to their right. */
    private static boolean routed(Edge edge) {
        return edge.to() > edge.from() + 1;
    }

    private static void markers(StringBuilder svg) {
        svg.append("<defs>");
        for (String[] marker : new String[][] {{"helix-arrow", GREY}, {"helix-arrow-then", THEN}, {"helix-arrow-else", ELSE}}) {
            svg.append("<marker id=\"").append(marker[0]).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\"")
                    .append(" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                    .append(marker[1]).append("\"/></marker>");
        }
        svg.append("</defs>");
    }

    private static void trigger(StringBuilder svg, Trigger trigger) {
        svg.append("<g data-node=\"trigger\"><rect x=\"").append(BOX_X).append("\" y=\"").append(MARGIN)
                .append("\" width=\"").append(BOX_WIDTH).append("\" height=\"").append(TRIGGER_HEIGHT)
                .append("\" rx=\"17\" fill=\"#e0f2fe\" stroke=\"#0284c7\"/>");
        text(svg, CENTRE, MARGIN + 21, Abbreviation.of(triggerLabel(trigger), MAX_TITLE), "12", "#075985", "middle");
        svg.append("</g>");
    }

    /** What starts the spiral, e.g. {@code EVENT TASK_STATUS_CHANGED status=DONE} or {@code CRON 0 * * * *}. */
    static String triggerLabel(Trigger trigger) {
        if (trigger.type() == TriggerType.CRON) {
            return "CRON " + trigger.cron().expression();
        }
        if (trigger.type() != TriggerType.EVENT) {
            return trigger.type().name();
        }
        StringBuilder label = new StringBuilder("EVENT ").append(trigger.event());
        new TreeMap<>(trigger.filter()).forEach((field, value) -> label.append(' ').append(field).append('=').append(value));
        return label.toString();
    }

    private static void step(StringBuilder svg, SpiralStep step, int y) {
        boolean branch = step.action() instanceof StepAction.Branch;
        String title = step.type() + " " + step.id();
        String detail = detail(step);
        svg.append("<g class=\"helix-step\" data-step=\"").append(escape(step.id())).append("\" data-type=\"").append(step.type())
                .append("\"><title>").append(escape(detail.isEmpty() ? title : title + "\n" + detail)).append("</title>")
                .append("<rect x=\"").append(BOX_X).append("\" y=\"").append(y).append("\" width=\"").append(BOX_WIDTH)
                .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"8\" fill=\"").append(branch ? "#fffbeb" : "#ffffff")
                .append("\" stroke=\"").append(branch ? ELSE : "#9aa5b1").append("\"/>");
        int textY = detail.isEmpty() ? y + 29 : y + 20;
        text(svg, BOX_X + 10, textY, Abbreviation.of(title, MAX_TITLE), "12", "#1f2933", "start");
        if (!detail.isEmpty()) {
            text(svg, BOX_X + 10, y + 37, Abbreviation.of(detail, MAX_DETAIL), "10", GREY, "start");
        }
        svg.append("</g>");
    }

    /** The small print of a step: its condition, and a branch's test. */
    private static String detail(SpiralStep step) {
        List<String> parts = new ArrayList<>();
        if (step.when() != null) {
            parts.add("when " + step.when().source().strip());
        }
        if (step.action() instanceof StepAction.Branch branch) {
            parts.add("if " + branch.condition().source().strip());
        }
        return String.join(" · ", parts);
    }

    private static void arrow(StringBuilder svg, String from, String to, String label, int x1, int y1, int x2, int y2) {
        String colour = colour(label);
        svg.append("<path class=\"helix-edge\" data-from=\"").append(escape(from)).append("\" data-to=\"").append(escape(to))
                .append(label == null ? "" : "\" data-kind=\"" + label).append("\" d=\"M").append(x1).append(',').append(y1)
                .append(" L").append(x2).append(',').append(y2 - 1).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.5\" marker-end=\"url(#").append(marker(label)).append(")\"/>");
        if (label != null) {
            text(svg, x1 + 6, (y1 + y2) / 2 + 4, label, "10", colour, "start");
        }
    }

    /** A jump round the boxes: out of the source's right side, down its lane, into the target's right side. */
    private static void jump(StringBuilder svg, List<SpiralStep> steps, Edge edge, int lane) {
        boolean end = edge.to() == steps.size();
        int startY = top(edge.from()) + BOX_HEIGHT / 2 + ("else".equals(edge.label()) ? 8 : -8);
        int laneX = BOX_X + BOX_WIDTH + LANE_START + lane * LANE_WIDTH;
        int endX = end ? CENTRE + END_WIDTH / 2 : BOX_X + BOX_WIDTH;
        int endY = top(edge.to()) + (end ? END_HEIGHT : BOX_HEIGHT) / 2;
        String colour = colour(edge.label());
        svg.append("<path class=\"helix-edge\" data-from=\"").append(escape(id(steps, edge.from()))).append("\" data-to=\"")
                .append(escape(id(steps, edge.to()))).append(edge.label() == null ? "" : "\" data-kind=\"" + edge.label())
                .append("\" d=\"M").append(BOX_X + BOX_WIDTH).append(',').append(startY).append(" H").append(laneX)
                .append(" V").append(endY).append(" H").append(endX + 1).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.5\" marker-end=\"url(#").append(marker(edge.label())).append(")\"/>");
        if (edge.label() != null) {
            text(svg, BOX_X + BOX_WIDTH + 3, startY - 3, edge.label(), "10", colour, "start");
        }
    }

    private static String colour(String label) {
        if (label == null) {
            return GREY;
        }
        return label.equals("then") ? THEN : ELSE;
    }

    private static String marker(String label) {
        return label == null ? "helix-arrow" : "helix-arrow-" + label;
    }

    private static void text(StringBuilder svg, int x, int y, String text, String size, String fill, String anchor) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" fill=\"").append(fill).append("\" text-anchor=\"").append(anchor).append("\">")
                .append(escape(text)).append("</text>");
    }

    /** The top of the box at a position; the position after the last step is the end's. */
    private static int top(int position) {
        return MARGIN + TRIGGER_HEIGHT + GAP + position * (BOX_HEIGHT + GAP);
    }

    private static String id(List<SpiralStep> steps, int position) {
        return position < steps.size() ? steps.get(position).id() : StepAction.Branch.END;
    }


    /** Text fit for XML content and attributes: markup characters escaped, control characters made spaces. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            String entity = ENTITIES.get(c);
            if (entity != null) {
                escaped.append(entity);
            } else if (c < 0x20 && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                escaped.append(' ');
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
