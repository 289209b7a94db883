package dev.helix.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.spirals.model.definition.DefinitionReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SpiralDiagramTest {

    private static final String BRANCHING = """
            {"name": "Triage", "trigger": {"type": "EVENT", "event": "TASK_STATUS_CHANGED", "filter": {"status": "DONE"}},
             "steps": [
               {"id": "count", "type": "SET_VARIABLE", "name": "n", "value": "1"},
               {"id": "check", "type": "BRANCH", "condition": "n > 1", "then": "notify", "else": "end"},
               {"id": "wait", "type": "WAIT", "millis": 10},
               {"id": "notify", "type": "NOTIFY", "users": ["admin"], "message": "done"}
             ]}""";

    private static String svg(String json) {
        return SpiralDiagram.svg(DefinitionReader.read(json));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** The edges of a diagram as "from->to" or "from->to:kind". */
    private static List<String> edges(Document svg) {
        List<String> edges = new ArrayList<>();
        NodeList paths = svg.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (path.hasAttribute("data-from")) {
                String kind = path.getAttribute("data-kind");
                edges.add(path.getAttribute("data-from") + "->" + path.getAttribute("data-to") + (kind.isEmpty() ? "" : ":" + kind));
            }
        }
        return edges;
    }

    @Test
    void drawsOneBoxPerStepInOrderUnderTheTrigger() throws Exception {
        String svg = svg(BRANCHING);
        Document document = parse(svg);
        assertEquals("spiral-diagram", document.getDocumentElement().getAttribute("id"));
        List<String> boxes = new ArrayList<>();
        Matcher step = Pattern.compile("data-step=\"([^\"]+)\"").matcher(svg);
        while (step.find()) {
            boxes.add(step.group(1));
        }
        assertEquals(List.of("count", "check", "wait", "notify"), boxes);
        assertTrue(svg.contains(">SET_VARIABLE count<"), svg);
        assertTrue(svg.contains(">EVENT TASK_STATUS_CHANGED status=DONE<"), svg);
        assertTrue(svg.contains(">if n &gt; 1<"), svg);
        assertTrue(svg.contains("data-node=\"end\""), svg);
    }

    @Test
    void branchesHaveColouredArrowsToTheirTargetsAndOtherStepsToTheNext() throws Exception {
        List<String> edges = edges(parse(svg(BRANCHING)));
        assertEquals(List.of("trigger->count", "count->check", "check->notify:then", "check->end:else", "wait->notify",
                "notify->end"), edges);
    }

    @Test
    void aBranchWithoutTargetGoesOnToTheNextStep() throws Exception {
        List<String> edges = edges(parse(svg("""
                {"name": "Gate", "trigger": {"type": "CRON", "cron": "0 * * * *"},
                 "steps": [{"id": "gate", "type": "BRANCH", "condition": "true", "else": "end"},
                           {"id": "ping", "type": "WAIT", "millis": 1}]}""")));
        assertEquals(List.of("trigger->gate", "gate->ping:then", "gate->end:else", "ping->end"), edges);
    }

    @Test
    void escapesTheTextOfTheDefinition() throws Exception {
        String svg = svg("""
                {"name": "Tom & Jerry <script>alert('x')</script>", "trigger": {"type": "MANUAL"},
                 "steps": [{"id": "a", "type": "WAIT", "millis": 1, "when": "input.n < 3 && input.ok"}]}""");
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("<title>Tom &amp; Jerry &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</title>"), svg);
        assertTrue(svg.contains(">when input.n &lt; 3 &amp;&amp; input.ok<"), svg);
        Document document = parse(svg);
        assertEquals("Tom & Jerry <script>alert('x')</script>",
                document.getDocumentElement().getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void theStarterTemplateIsAValidSpiral() throws Exception {
        List<String> edges = edges(parse(svg(SpiralsPage.STARTER)));
        assertTrue(edges.contains("trigger->greet"), edges.toString());
    }
}
