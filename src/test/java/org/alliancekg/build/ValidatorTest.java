package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancekg.ingest.Corpus;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private final ProjectLayout layout = ProjectLayout.of(TestProjects.resource("fixtures/mini"));

    private Dataset assemble() {
        return new GraphAssembler(GraphFactory.createDefaultGraph()).assemble(Corpus.read(layout)).dataset();
    }

    @Test
    void fixtureConforms() {
        Validator v = Validator.forProject(layout);
        assertEquals(1, v.checkCount());
        ValidationReport r = v.validate(assemble());
        assertTrue(r.conforms(), r.describe());
        assertEquals(0, r.violations());
    }

    @Test
    void shaclResultsAreReportedWithTurtle() {
        Dataset ds = assemble();
        Model g = ds.getNamedModel(Iris.articleGraph("t1-test-article"));
        g.removeAll(g.createResource(Iris.article("t1-test-article")), AKG.textSha256, null);
        ValidationReport r = Validator.forProject(layout).validate(ds);
        assertFalse(r.conforms());
        assertEquals(1, r.shaclResults().size(), r.describe());
        assertTrue(r.shaclResults().get(0).contains("article needs one textSha256"), r.shaclResults().toString());
        assertTrue(r.describe().contains("sh:ValidationReport"), r.describe());
    }

    @Test
    void checkQueryRowsAreViolationsWithTheirMessage() {
        Dataset ds = assemble();
        Model g = ds.getNamedModel(Iris.articleGraph("t1-test-article"));
        Resource claim = g.listResourcesWithProperty(RDF.type, AKG.Claim).next();
        int end = claim.getRequiredProperty(AKG.endIndex).getInt();
        g.removeAll(claim, AKG.endIndex, null);
        claim.addLiteral(AKG.endIndex, GraphAssembler.offset(g, end + 1));
        ValidationReport r = Validator.forProject(layout).validate(ds);
        assertTrue(r.shaclConforms());
        assertEquals(1, r.checkViolations().size());
        ValidationReport.CheckViolation v = r.checkViolations().get(0);
        assertEquals("queries/checks/claim-offsets-violation.rq", v.check());
        assertEquals("claim <" + claim.getURI() + "> offsets do not span its quote", v.message());
        assertTrue(r.describe().contains("queries/checks/claim-offsets-violation.rq: claim <"), r.describe());
    }
}
