// Runs a SPARQL query over RDF files with oxigraph and prints the results.
//
//   node sparql.mjs [--union] QUERY FILE [FILE...]
// --union: the default graph is the union of all graphs (for N-Quads with named graphs).
// QUERY is the query text, or @path to read it from a file. FILEs are loaded by extension:
// .jsonld (expanded with jsonld.js in safe mode, as jsonld_to_nquads.mjs does), .nq, .nt,
// .ttl, .trig, .rdf. Output: SELECT prints one line per solution, the projected variables
// tab-separated (an IRI or a literal's lexical form; empty for unbound); ASK prints true or
// false; CONSTRUCT/DESCRIBE print N-Triples. Exit 1 with a message on any error.
import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';
import { toNQuads } from './jsonld_to_nquads.mjs';

const formats = {
    '.nq': 'application/n-quads',
    '.nt': 'application/n-triples',
    '.ttl': 'text/turtle',
    '.trig': 'application/trig',
    '.rdf': 'application/rdf+xml',
};

function term(t) {
    return t === undefined || t === null ? '' : t.value;
}

async function main() {
    const args = process.argv.slice(2);
    const union = args[0] === '--union';
    if (union) {
        args.shift();
    }
    const [queryArg, ...files] = args;
    if (!queryArg || files.length === 0) {
        console.error('usage: node sparql.mjs [--union] QUERY|@query.rq FILE [FILE...]');
        process.exit(2);
    }
    const query = queryArg.startsWith('@') ? readFileSync(queryArg.slice(1), 'utf8') : queryArg;
    const store = new oxigraph.Store();
    for (const file of files) {
        const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
        if (ext === '.jsonld' || ext === '.json') {
            store.load(await toNQuads(file), { format: 'application/n-quads' });
        } else if (formats[ext]) {
            store.load(readFileSync(file, 'utf8'), { format: formats[ext] });
        } else {
            throw new Error(`${file}: unknown RDF file extension ${ext}`);
        }
    }
    const result = store.query(query, union ? { use_default_graph_as_union: true } : {});
    if (typeof result === 'boolean') {
        console.log(result ? 'true' : 'false');
        return;
    }
    for (const row of result) {
        if (row instanceof Map) {
            // A SELECT solution; keep the projection order of the query.
            console.log([...row.values()].map(term).join('\t'));
        } else {
            // A quad from CONSTRUCT/DESCRIBE.
            console.log(`${row.subject.toString()} ${row.predicate.toString()} ${row.object.toString()} .`);
        }
    }
}

main().catch((e) => {
    console.error(`sparql: ${e.message}`);
    process.exit(1);
});
