// Expands a JSON-LD file to N-Quads with jsonld.js in safe mode: a term that would be
// silently dropped (no IRI mapping, a relative IRI, a bad value) is an error instead.
//
//   node jsonld_to_nquads.mjs IN.jsonld [OUT.nq]     (OUT omitted or "-": stdout)
// Prints "quads: N" on stderr; exit 1 with the processor's message on failure.
import { readFileSync, writeFileSync } from 'node:fs';
import jsonld from 'jsonld';

// Only the inline @context may be used: refuse every remote document.
const noRemote = async (url) => {
    throw new Error(`remote document requested (${url}); the @context must be inline`);
};

export async function toNQuads(path) {
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    return jsonld.toRDF(doc, {
        format: 'application/n-quads',
        safe: true,
        documentLoader: noRemote,
    });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
    const [input, output = '-'] = process.argv.slice(2);
    if (!input) {
        console.error('usage: node jsonld_to_nquads.mjs IN.jsonld [OUT.nq]');
        process.exit(2);
    }
    try {
        const nquads = await toNQuads(input);
        if (output === '-') {
            process.stdout.write(nquads);
        } else {
            writeFileSync(output, nquads);
        }
        const count = nquads.split('\n').filter((l) => l.trim() !== '').length;
        console.error(`quads: ${count}`);
    } catch (e) {
        console.error(`jsonld_to_nquads: ${input}: ${e.name}: ${e.message}`);
        if (e.details) {
            console.error(JSON.stringify(e.details, null, 2).slice(0, 2000));
        }
        process.exit(1);
    }
}
