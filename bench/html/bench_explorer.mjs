// Load time and memory of the HTML explorer in Debian's chromium (headless), issue #18.
//
//   node bench/html/bench_explorer.mjs --cli build/cli/citegraph --data data \
//        --work build/bench-html [--runs 5] ../shared/corpus/en-ga
//
// Imports the texts into a new store (or takes --store DB as it is), exports the page (size and
// export time), then opens it --runs times in a fresh tab and reports: time from navigation to
// the load event, which comes after the page's script and its first frame (median, min, max),
// the parts of the script, the page's JS heap (CDP Performance metrics) and the resident memory
// of all chromium processes (sum of RSS from /proc) after the load. Run it on a quiet machine:
// the figures scale with the CPU time chromium gets.
// Uses tests/browser/node_modules (scripts/install-web.sh).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const { buildExport, launch, open, parseArgs, fmt } = await import(
  path.join(here, "../../tests/browser/lib.mjs"));

const args = parseArgs(process.argv.slice(2));
const runs = +(args.runs || 5);
const files = args.files.flatMap((f) =>
  fs.statSync(f).isDirectory() ? fs.readdirSync(f).filter((x) => x.endsWith(".txt")).sort().map((x) => path.join(f, x)) : [f]);
const built = buildExport({ cli: args.cli, data: args.data, work: args.work, files, store: args.store });

function rssOfTree(pid) {
  // the browser process and every descendant (renderer, GPU, utility)
  const children = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = +stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(+d);
    } catch { /* gone */ }
  }
  let kb = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += +m[1];
    } catch { /* gone */ }
    todo.push(...(children.get(p) || []));
  }
  return kb * 1024;
}

const browser = await launch();
const times = [], walls = [], frames = [], heaps = [], rss = [], parts = [];
let status = "";
try {
  const url = "file://" + path.resolve(built.html);
  for (let r = 0; r < runs; ++r) {
    const { page, loadMs, firstFrameMs, wallMs, problems } = await open(browser, url);
    walls.push(wallMs);
    frames.push(firstFrameMs);
    if (problems.console.length || problems.network.length) {
      throw new Error(`page problems: ${problems.console.join(" | ")} ${problems.network.join(" ")}`);
    }
    status = await page.$eval("#status", (e) => e.textContent);
    const metrics = await page.metrics();
    parts.push(await page.evaluate(() => window.citegraph.timings));
    times.push(loadMs);
    heaps.push(metrics.JSHeapUsedSize);
    rss.push(rssOfTree(browser.process().pid));
    await page.close();
  }
} finally {
  await browser.close();
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const mb = (b) => (b / 1048576).toFixed(1) + " MB";
console.log(`store: ${files.length} files imported in ${fmt(built.importMs)} ms`);
console.log(`page: ${mb(built.bytes)} written in ${fmt(built.exportMs)} ms`);
console.log(`status: ${status}`);
console.log(`navigation to load event (script run, first frame drawn): median ${fmt(median(times))} ms (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}, ${runs} runs); first frame at ${fmt(median(frames))} ms`);
console.log(`  with the driver's round trips (new tab, goto, wait for the status line, two frames): median ${fmt(median(walls))} ms`);
const part = (k) => median(parts.map((p) => p[k]));
console.log(`  of which in the page's script: start ${fmt(part("start"))} ms after navigation (reading the file, parsing the libraries), JSON.parse ${fmt(part("parse"))} ms, graph ${fmt(part("graph"))} ms, sigma ${fmt(part("sigma"))} ms, filters and first selection ${fmt(part("controls"))} ms`);
console.log(`JS heap used: median ${mb(median(heaps))}`);
console.log(`chromium resident memory (all processes): median ${mb(median(rss))}`);
