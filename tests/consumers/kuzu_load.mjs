// Loads a neo4j exporter directory into an in-memory Kùzu database (npm kuzu, optional) as a
// second real consumer of the CSVs, then runs an optional Cypher query.
//
//   node kuzu_load.mjs DIR ["MATCH ... RETURN ..."]
// Schema: NODE TABLE Work(key = "<space>:<id>", space, id, label, symbol, name_en, name_zh),
// REL TABLE Cites(FROM Work TO Work, type, role, paragraph, document, language,
// span_start INT64, span_end INT64, text). Kùzu reads Neo4j-style headers only through a
// projection (LOAD WITH HEADERS ... RETURN), so each file's header is read here and mapped
// by name. Prints "nodes N relationships M", then the query's rows tab-separated.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';

function header(file) {
    const text = readFileSync(file, 'utf8');
    return text.slice(0, text.indexOf('\n')).split(',');
}

function quote(s) {
    return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

async function all(conn, q) {
    const result = await conn.query(q);
    return result.getAll();
}

async function main() {
    const [dir, cypher] = process.argv.slice(2);
    if (!dir) {
        console.error('usage: node kuzu_load.mjs DIR [CYPHER]');
        process.exit(2);
    }
    const db = new kuzu.Database(':memory:');
    const conn = new kuzu.Connection(db);
    await all(conn, 'CREATE NODE TABLE Work(key STRING, space STRING, id STRING, label STRING, ' +
        'symbol STRING, name_en STRING, name_zh STRING, PRIMARY KEY (key))');
    await all(conn, 'CREATE REL TABLE Cites(FROM Work TO Work, type STRING, role STRING, ' +
        'paragraph STRING, document STRING, language STRING, span_start INT64, ' +
        'span_end INT64, text STRING)');

    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    // Quoted fields hold newlines: the parallel CSV reader cannot split such files.
    const options = '(HEADER=true, PARALLEL=false)';
    for (const f of files.filter((f) => f.startsWith('nodes_'))) {
        const file = path.join(dir, f);
        const cols = header(file);
        const space = /:ID\(([A-Za-z]+)\)/.exec(cols[0])[1];
        const names = cols.map((_, i) => `c${i}`);
        const col = (name) => {
            const i = cols.findIndex((c) => c === name || c.startsWith(`${name}:`));
            return i < 0 ? "''" : names[i];
        };
        const schema = names.map((n) => `${n} STRING`).join(', ');
        await all(conn, `COPY Work FROM (LOAD WITH HEADERS (${schema}) FROM ${quote(file)} ` +
            `${options} RETURN concat(${quote(space + ':')}, c0) AS key, ${quote(space)} AS space, ` +
            `c0 AS id, ${col(':LABEL')} AS label, ${col('symbol')} AS symbol, ` +
            `${col('name_en')} AS name_en, ${col('name_zh')} AS name_zh)`);
    }
    for (const f of files.filter((f) => f.startsWith('relationships_'))) {
        const file = path.join(dir, f);
        const cols = header(file);
        const start = /\(([A-Za-z]+)\)/.exec(cols[0])[1];
        const end = /\(([A-Za-z]+)\)/.exec(cols[1])[1];
        const names = cols.map((_, i) => `c${i}`);
        const col = (name) => names[cols.findIndex((c) => c === name || c.startsWith(`${name}:`))];
        const schema = names.map((n) => `${n} STRING`).join(', ');
        await all(conn, `COPY Cites FROM (LOAD WITH HEADERS (${schema}) FROM ${quote(file)} ` +
            `${options} RETURN concat(${quote(start + ':')}, c0) AS src, ` +
            `concat(${quote(end + ':')}, c1) AS dst, ${col(':TYPE')} AS type, ` +
            `${col('role')} AS role, ${col('paragraph')} AS paragraph, ` +
            `${col('document')} AS document, ${col('language')} AS language, ` +
            `CAST(${col('span_start')} AS INT64) AS span_start, ` +
            `CAST(${col('span_end')} AS INT64) AS span_end, ${col('text')} AS text)`);
    }
    const [{ n }] = await all(conn, 'MATCH (w:Work) RETURN count(*) AS n');
    const [{ m }] = await all(conn, 'MATCH ()-[c:Cites]->() RETURN count(*) AS m');
    console.log(`nodes ${n} relationships ${m}`);
    if (cypher) {
        for (const row of await all(conn, cypher)) {
            console.log(Object.values(row).map((v) => (v === null ? '' : String(v))).join('\t'));
        }
    }
}

main().catch((e) => {
    console.error(`kuzu_load: ${e.message}`);
    process.exit(1);
});
