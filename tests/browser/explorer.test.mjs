// The HTML explorer in a real browser (issue #18): imports the given texts with the CLI,
// exports the page, opens it in Debian's chromium (headless, puppeteer-core) and checks
//   - it loads without console errors and without any network request;
//   - the status line states the store's numbers (counted with sqlite3 on the store);
//   - search finds nodes by symbol, by name (any language) and by acronym;
//   - the URL fragment selects the node, opens its panel and centres it;
//   - a mouse click on the node shows its clauses (the texts of its citations in the store);
//   - text in the given languages is in the panel (Chinese, Arabic: names, clauses).
// Screenshots go to --shots (under build/).
//
//   node explorer.test.mjs --cli BIN --data DIR --work DIR --shots DIR --focus ID
//        [--search "query=ID" ...] [--langs zh,ar] [--store DB] FILE...
import fs from "node:fs";
import path from "node:path";
import { buildExport, launch, open, parseArgs, sql, fmt, oneLine } from "./lib.mjs";

const argv = process.argv.slice(2);
const args = parseArgs(argv.filter((a, k) => !(argv[k - 1] === "--search") && a !== "--search"));
const searches = argv.flatMap((a, k) => (argv[k - 1] === "--search" ? [a] : []));
let failures = 0;
function check(ok, what, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ": " + detail : ""}`);
  if (!ok) failures++;
}

const files = args.files.flatMap((f) =>
  fs.statSync(f).isDirectory() ? fs.readdirSync(f).filter((x) => x.endsWith(".txt")).sort().map((x) => path.join(f, x)) : [f]);
const built = buildExport({ cli: args.cli, data: args.data, work: args.work, files, store: args.store });
console.log(`imported ${files.length} files in ${built.importMs} ms, exported ${fmt(built.bytes)} bytes in ${built.exportMs} ms`);
fs.mkdirSync(args.shots, { recursive: true });

// The store's numbers, counted independently of the exporter.
const nNodes = +sql(built.db, "SELECT COUNT(*) FROM nodes");
const nEdges = +sql(built.db, "SELECT COUNT(*) FROM (SELECT DISTINCT source, target FROM edges)");
const nCitations = +sql(built.db, "SELECT COUNT(*) FROM edges");
const focus = args.focus;
const q = (s) => s.replace(/'/g, "''");
const focusSymbol = sql(built.db, `SELECT CASE symbol WHEN '' THEN id ELSE symbol END FROM nodes WHERE id='${q(focus)}'`);
check(focusSymbol !== "", `the focus ${focus} is in the store`);
const focusTargets = +sql(built.db, `SELECT COUNT(DISTINCT target) FROM edges WHERE source='${q(focus)}'`);
const focusClauses = sql(built.db, `SELECT DISTINCT text FROM edges WHERE source='${q(focus)}' AND paragraph IN (SELECT paragraph FROM edges WHERE source='${q(focus)}' ORDER BY id LIMIT 1)`)
  .split("\n").filter(Boolean).map(oneLine);

const browser = await launch();
try {
  const url = "file://" + path.resolve(built.html);
  // 1. plain load
  const { page, problems, loadMs } = await open(browser, url);
  console.log(`page loaded in ${loadMs} ms (a figure, not a check: bench/html measures it)`);
  const status = await page.$eval("#status", (e) => e.textContent);
  const expected = `${fmt(nNodes)} nodes · ${fmt(nEdges)} edges · ${fmt(nCitations)} citations`;
  check(status.startsWith(expected + " · "), "status line states the store's numbers", `"${status}" (expected to start "${expected}")`);
  const drawn = await page.evaluate(() => [window.citegraph.graph.order, window.citegraph.graph.size]);
  check(drawn[0] === nNodes, "every node is drawn", `${drawn[0]} of ${nNodes}`);
  await page.screenshot({ path: path.join(args.shots, "overview.png") });

  // 2. search
  for (const s of searches) {
    const [query, want] = s.split("=");
    await page.click("#search", { clickCount: 3 });
    await page.type("#search", query);
    const first = await page.$eval("#results li", (li) => li.dataset.id || li.textContent).catch(() => "(no result)");
    check(first === want, `search "${query}" finds ${want} first`, first);
  }
  await page.screenshot({ path: path.join(args.shots, "search.png") });

  // 3. time layout and colour by organ draw without errors
  await page.select("#layout", "time");
  await page.select("#colour", "organ");
  await new Promise((r) => setTimeout(r, 500));
  await page.screenshot({ path: path.join(args.shots, "time.png") });
  await page.select("#layout", "clusters");
  await page.select("#colour", "community");

  // 4. a filter changes the status line: only the "requests / invites" family
  await page.evaluate(() => document.querySelectorAll("#families input").forEach((c) => { c.checked = c.dataset.family === "5"; c.dispatchEvent(new Event("change", { bubbles: true })); }));
  const family = "relation IN ('requests','encourages','invites','recommends','draws_attention')";
  const reqEdges = +sql(built.db, `SELECT COUNT(*) FROM (SELECT DISTINCT source, target FROM edges WHERE ${family})`);
  const reqCites = +sql(built.db, `SELECT COUNT(*) FROM edges WHERE ${family}`);
  const filtered = await page.$eval("#status", (e) => e.textContent);
  check(filtered.startsWith(`${fmt(nNodes)} nodes · ${fmt(reqEdges)} edges · ${fmt(reqCites)} citations (of `),
        "the relation filter keeps the requests family's edges and citations", filtered);
  await page.evaluate(() => document.querySelectorAll("#families input").forEach((c) => { c.checked = true; c.dispatchEvent(new Event("change", { bubbles: true })); }));
  check(problems.console.length === 0, "no console error on load, search, layouts and filters", problems.console.join(" | "));
  check(problems.network.length === 0, "no network request", problems.network.join(" "));
  await page.close();

  // 5. the fragment selects and centres the node
  const frag = await open(browser, url + "#" + encodeURI(focus));
  await new Promise((r) => setTimeout(r, 800)); // the camera's animation
  const sel = await frag.page.evaluate(() => {
    const c = window.citegraph;
    const n = c.state.selected === null ? null : c.nodes[c.state.selected];
    const box = document.getElementById("graph").getBoundingClientRect();
    const d = n && c.renderer.getNodeDisplayData(n.id);
    const v = d && c.renderer.framedGraphToViewport(d);
    return { id: n && n.id, title: document.getElementById("panel-title")?.textContent,
             open: document.getElementById("panel").classList.contains("open"),
             x: v && v.x, y: v && v.y, w: box.width, h: box.height, left: box.left, top: box.top };
  });
  check(sel.id === focus, `the fragment #${focus} selects it`, String(sel.id));
  check(sel.open && sel.title === focusSymbol, "its panel is open with its title", `${sel.title}`);
  check(Math.abs(sel.x - sel.w / 2) < 0.05 * sel.w && Math.abs(sel.y - sel.h / 2) < 0.05 * sel.h,
        "the node is centred", `at ${sel.x?.toFixed(0)},${sel.y?.toFixed(0)} of ${sel.w}x${sel.h}`);
  await frag.page.screenshot({ path: path.join(args.shots, "fragment.png") });

  // 6. a click on the node shows its clauses: close the panel (the camera stays), click the node
  await frag.page.click("#panel .close");
  const closed = await frag.page.$eval("#panel", (p) => !p.classList.contains("open"));
  check(closed, "the close button closes the panel");
  await frag.page.mouse.click(sel.left + sel.x, sel.top + sel.y);
  await frag.page.waitForFunction(() => document.getElementById("panel").classList.contains("open"), { timeout: 5000 }).catch(() => {});
  const panel = await frag.page.evaluate(() => ({
    title: document.getElementById("panel-title")?.textContent,
    headers: [...document.querySelectorAll("#panel h2")].map((h) => h.textContent),
    clauses: [...document.querySelectorAll("#panel .clause")].map((c) => c.textContent),
    langText: [...document.querySelectorAll("#panel [lang]")].map((d) => [d.lang, d.textContent.replace(/\s+/g, " ").trim()]),
    hash: location.hash,
  }));
  check(panel.title === focusSymbol, "a click on the node opens its panel", `${panel.title}`);
  check(panel.headers.includes(`Cites (${fmt(focusTargets)})`), "the panel lists every node it cites", panel.headers.join(", "));
  const shown = new Set(panel.clauses.map(oneLine));
  const missing = focusClauses.filter((c) => !shown.has(c));
  check(focusClauses.length > 0 && missing.length === 0, `the panel shows the clauses of its first cited paragraph (${focusClauses.length})`,
        missing.slice(0, 2).join(" | "));
  // Text in each language (--langs): the node's name, or the clauses read in that language.
  for (const lang of (args.langs || "").split(",").filter(Boolean)) {
    const want = new Set(sql(built.db, `SELECT name FROM names WHERE node_id='${q(focus)}' AND lang='${q(lang)}' UNION SELECT text FROM edges WHERE source='${q(focus)}' AND lang='${q(lang)}'`)
      .split("\n").filter(Boolean).map(oneLine));
    const got = [...panel.langText.filter(([l]) => l === lang)].map(([, t]) => t);
    const hit = got.filter((t) => want.has(t) || [...want].some((w) => t.endsWith(w)));
    check(want.size > 0 && hit.length > 0, `the panel shows text in ${lang} from the store`, `${hit.length} of ${got.length}: ${(hit[0] || "").slice(0, 40)}`);
  }
  await frag.page.screenshot({ path: path.join(args.shots, "click.png") });
  check(frag.problems.console.length === 0, "no console error on fragment and click", frag.problems.console.join(" | "));
  check(frag.problems.network.length === 0, "no network request", frag.problems.network.join(" "));
} finally {
  await browser.close();
}
console.log(failures ? `${failures} check(s) failed` : "all checks passed");
process.exit(failures ? 1 : 0);
