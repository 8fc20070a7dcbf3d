package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/** The home page's HTML, without a server. */
class HomePageTest {

    static final List<HomePage.EndpointLink> ENDPOINTS = List.of(
            new HomePage.EndpointLink("query", HomePage.EndpointKind.QUERY),
            new HomePage.EndpointLink("sparql", HomePage.EndpointKind.QUERY),
            new HomePage.EndpointLink("get", HomePage.EndpointKind.GRAPH_STORE_READ));

    static final String HOSTILE_QUERY = """
            # Threats named by <script>alert("x")</script> & friends
            SELECT ?s WHERE { ?s ?p "a < b & 'c'" }
            """;

    static HomePage page(List<ExampleQuery> queries) {
        DatasetSummary summary = new DatasetSummary(7, 6,
                List.of(new DatasetSummary.GraphCount(NodeFactory.createURI("https://example.org/g?a=1&b=<2>"), 7)),
                List.of(new DatasetSummary.ClassCount(
                                NodeFactory.createURI("https://w3id.org/alliance-kg/ontology#State"), 3),
                        new DatasetSummary.ClassCount(NodeFactory.createURI("https://example.org/T<x>"), 1)));
        return new HomePage("kg", ENDPOINTS, summary, queries);
    }

    @Test
    void linksThePagesTheDumpsAndEveryExportWithAnExplanation() {
        String html = page(List.of()).render();
        List<String> items = new java.util.ArrayList<>();
        Matcher li = Pattern.compile("<li><a href=\"([^\"]*)\">.*?</a>: ([^<]+)</li>").matcher(html);
        while (li.find()) {
            items.add(li.group(1));
            assertTrue(li.group(2).trim().length() > 5, "explanation of " + li.group(1) + ": " + li.group(2));
        }
        List<String> wanted = new java.util.ArrayList<>(List.of("/explore", "/timeline", "/query", "/ontology",
                "/void", "/reconcile", "/dumps/alliance-kg.trig.gz", "/dumps/alliance-kg.nq.gz"));
        for (org.alliancekg.export.ExportFormat f : org.alliancekg.export.ExportFormat.values()) {
            wanted.add("/export/graph." + f.extension());
        }
        assertTrue(items.containsAll(wanted), "missing: " + wanted.stream().filter(w -> !items.contains(w)).toList());
        assertTrue(html.contains("<h2 id=\"" + SiteNav.DOWNLOADS_ANCHOR + "\">"), "the bar's Downloads target");
    }

    @Test
    void textFromDataAndQueriesIsEscaped() {
        String html = page(List.of(new ExampleQuery("x.rq", "Threats named by <script>alert(\"x\")</script> & friends",
                HOSTILE_QUERY))).render();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("Threats named by &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends"),
                html);
        assertTrue(html.contains("&lt;https://example.org/T&lt;x&gt;&gt;"), html);
        assertTrue(html.contains("https://example.org/g?a=1&amp;b=&lt;2&gt;"), html);
    }

    @Test
    void runLinkOpensTheWholeQueryInTheQueryEditorAndRunsIt() {
        String html = page(List.of(new ExampleQuery("x.rq", "t", HOSTILE_QUERY))).render();
        Matcher m = Pattern.compile("<a class=\"run\" href=\"([^\"]*)\">run</a>").matcher(html);
        assertTrue(m.find(), html);
        String href = unescape(m.group(1));
        assertTrue(href.startsWith("/query?query="), href);
        assertTrue(href.endsWith("&run=1"), href);
        String query = URLDecoder.decode(href.substring("/query?query=".length(), href.length() - "&run=1".length()),
                StandardCharsets.UTF_8);
        assertEquals(HOSTILE_QUERY, query);
        assertFalse(html.contains("/kg/sparql?query="), "no link to raw SPARQL results");
    }

    @Test
    void classCountLinksRunTheInstancesQueryInTheQueryEditor() {
        String html = page(List.of()).render();
        Matcher m = Pattern.compile("<a href=\"([^\"]*)\">akg:State</a>").matcher(html);
        assertTrue(m.find(), html);
        String href = unescape(m.group(1));
        assertTrue(href.startsWith("/query?query=") && href.endsWith("&run=1"), href);
        assertTrue(URLDecoder.decode(href, StandardCharsets.UTF_8)
                .contains("<https://w3id.org/alliance-kg/ontology#State>"), href);
    }

    @Test
    void withoutAQueryEndpointThereAreNoRunLinks() {
        DatasetSummary summary = new DatasetSummary(1, 1, List.of(), List.of(new DatasetSummary.ClassCount(
                NodeFactory.createURI("https://w3id.org/alliance-kg/ontology#State"), 3)));
        String html = new HomePage("kg", List.of(ENDPOINTS.get(2)), summary,
                List.of(new ExampleQuery("x.rq", "t", "SELECT * {}"))).render();
        assertFalse(html.contains("class=\"run\""), html);
        assertTrue(html.contains("<td>akg:State</td>"), html);
    }

    /** Undoes the HTML escaping of an attribute value (named and numeric character references). */
    static String unescape(String s) {
        Matcher m = Pattern.compile("&#(\\d+);").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void classCountsAreShownWithPrefixedNames() {
        String html = page(List.of()).render();
        assertTrue(html.matches("(?s).*>akg:State</a></td><td class=\"count\">3</td>.*"), html);
        assertTrue(html.contains("No query files found."), html);
    }

    @Test
    void firstCommentLineIsTheTitle() {
        assertEquals("P01: Which threats?", ExampleQuery.firstComment("\n#  P01: Which threats?\n# more\nSELECT").get());
        assertTrue(ExampleQuery.firstComment("SELECT * {}").isEmpty());
    }

    @Test
    void instancesQueryListsTheInstancesOfTheClass() {
        DatasetGraph dsg = FixtureDatabase.inMemory();
        DatasetGraph union = DatasetGraphFactory.wrap(dsg.getUnionGraph());
        Query q = QueryFactory.create(HomePage.instancesQuery(
                NodeFactory.createURI("https://w3id.org/alliance-kg/ontology#Threat")));
        List<String> instances = Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(union).query(q).build()) {
                return exec.select().stream().map(b -> b.get(Var.alloc("instance")).getURI()).toList();
            }
        });
        assertEquals(List.of("https://w3id.org/alliance-kg/id/threat/ballistic-missiles",
                "https://w3id.org/alliance-kg/id/threat/hypersonic-weapons"), instances);
    }

    @Test
    void manyGraphsAreListedByFamilyWithTheirCountAndTriplesTogether() {
        List<DatasetSummary.GraphCount> graphs = new java.util.ArrayList<>();
        graphs.add(new DatasetSummary.GraphCount(
                NodeFactory.createURI("https://w3id.org/alliance-kg/graph/facts"), 5));
        for (int i = 0; i < HomePage.MAX_GRAPH_ROWS; i++) {
            graphs.add(new DatasetSummary.GraphCount(
                    NodeFactory.createURI("https://w3id.org/alliance-kg/graph/article/a" + i), 10));
            graphs.add(new DatasetSummary.GraphCount(
                    NodeFactory.createURI("https://w3id.org/alliance-kg/graph/suggested/a" + i), 1));
        }
        String html = new HomePage("kg", ENDPOINTS, new DatasetSummary(1205, 1200, graphs, List.of()), List.of())
                .render();
        String table = html.substring(html.indexOf("<table id=\"graphs\">"));
        table = table.substring(0, table.indexOf("</table>"));
        assertEquals(3, table.split("<tr><td>", -1).length - 1, table);
        assertTrue(table.contains("https://w3id.org/alliance-kg/graph/article/\u2026 (100 graphs)</td>"
                + "<td class=\"count\">1,000</td>"), table);
        assertTrue(table.contains("https://w3id.org/alliance-kg/graph/suggested/\u2026 (100 graphs)"), table);
        assertTrue(table.contains("?graph=https%3A%2F%2Fw3id.org%2Falliance-kg%2Fgraph%2Ffacts"), "a graph alone "
                + "keeps its link: " + table);
        assertTrue(html.contains("<span id=\"graph-count\">201</span>"), "the total still counts every graph");
    }

    @Test
    void beforeTheFirstCountThePageSaysTheCountsAreComingAndStillLinksEverything() {
        String html = new HomePage("kg", ENDPOINTS, null, List.of()).render();
        assertTrue(html.contains("being counted"), html);
        assertFalse(html.contains("<table"), "no tables of counts without counts");
        assertTrue(html.contains("href=\"/void\""), "the pages are still linked");
    }
}
