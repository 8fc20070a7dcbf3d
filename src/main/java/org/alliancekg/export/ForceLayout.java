package org.alliancekg.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;

/**
 * Initial node positions for the exports that carry them (GEXF, GraphML for yEd, Cytoscape JSON): JGraphT's
 * Fruchterman-Reingold layout with a fixed seed, so the same graph is always drawn the same way. Tools re-layout as
 * they like; the positions only save the user from a pile of nodes at the origin.
 */
final class ForceLayout {

    /** The side of the square the nodes are placed in, growing with the number of nodes. */
    static double side(int nodes) {
        return Math.max(400, 90 * Math.sqrt(Math.max(nodes, 1)));
    }

    private ForceLayout() {
    }

    /** Node id to {x, y}, within a square of {@link #side(int)} centred on the origin. */
    static Map<String, double[]> positions(RelationGraph graph) {
        Graph<GraphNode, GraphEdge> g = graph.toJGraphT();
        double side = side(graph.nodes().size());
        MapLayoutModel2D<GraphNode> model = new MapLayoutModel2D<>(Box2D.of(side, side));
        new FRLayoutAlgorithm2D<GraphNode, GraphEdge>(FRLayoutAlgorithm2D.DEFAULT_ITERATIONS,
                FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR, new Random(20_240_728L)).layout(g, model);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (GraphNode n : graph.nodes()) {
            Point2D p = model.get(n);
            double x = p == null ? 0 : p.getX() - side / 2;
            double y = p == null ? 0 : p.getY() - side / 2;
            out.put(n.id(), new double[] {Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0});
        }
        return out;
    }
}
