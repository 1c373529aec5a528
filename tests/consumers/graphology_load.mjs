// Loads a citegraph GEXF or GraphML export with graphology (graphology-gexf, graphology-graphml)
// and prints what it read as JSON, for the exporter tests to compare with the model:
//
//   node graphology_load.mjs FILE.gexf|FILE.graphml
//
// {"nodes": N, "edges": M, "multi": bool, "weight": {"SOURCE -> TARGET": w}, "year": {ID: y},
//  "session": {ID: n}}: weights of the edges that have one (GEXF, aggregated GraphML), years
// and sessions of the nodes that have them. Node keys are the file's node ids (the citegraph
// ids). Exit 1 with a message on a parse error.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const graphml = require('graphology-graphml');

try {
    const file = process.argv[2];
    const text = readFileSync(file, 'utf8');
    const g = file.endsWith('.gexf') ? gexf.parse(Graph, text) : graphml.parse(Graph, text);
    const out = { nodes: g.order, edges: g.size, multi: g.multi, weight: {}, year: {}, session: {} };
    g.forEachEdge((edge, attrs, source, target) => {
        if (attrs.weight !== undefined) {
            out.weight[`${source} -> ${target}`] = attrs.weight;
        }
    });
    g.forEachNode((node, attrs) => {
        for (const key of ['year', 'session']) {
            if (attrs[key] !== undefined) {
                out[key][node] = attrs[key];
            }
        }
    });
    console.log(JSON.stringify(out));
} catch (e) {
    console.error(`graphology_load: ${e.message}`);
    process.exit(1);
}
