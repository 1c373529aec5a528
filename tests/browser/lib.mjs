// Shared by the browser test (explorer.test.mjs) and the page bench (bench/html): build a store
// with the CLI, export the HTML explorer, open it in Debian's chromium (headless, through
// puppeteer-core) and watch console errors and network requests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";

export const CHROMIUM = process.env.CITEGRAPH_CHROMIUM || "/usr/bin/chromium";

export function parseArgs(argv) {
  const out = { files: [] };
  for (let k = 0; k < argv.length; ++k) {
    const a = argv[k];
    if (!a.startsWith("--")) { out.files.push(a); continue; }
    out[a.slice(2)] = argv[++k];
  }
  return out;
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.slice(0, 6).join(" ")} … exited ${r.status}: ${r.stderr || r.error}`);
  }
  return r.stdout;
}

// One value (first column of the first row) of an SQL query, with the sqlite3 shell.
export function sql(db, query) {
  return run("sqlite3", ["-readonly", db, query]).trim();
}

// Imports `files` into a new store under `work` (or uses the store `store` as it is) and
// exports the explorer; returns the paths.
export function buildExport({ cli, data, work, files, store }) {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const db = store || path.join(work, "store.db");
  const html = path.join(work, "explorer.html");
  const t0 = Date.now();
  if (!store) run(cli, ["--db", db, "--data", data, "import", "-j", "2", ...files]);
  const t1 = Date.now();
  run(cli, ["--db", db, "--data", data, "export", "--format", "html", "-o", html]);
  const t2 = Date.now();
  return { db, html, importMs: t1 - t0, exportMs: t2 - t1, bytes: fs.statSync(html).size };
}

export async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM} (scripts/install-deps.sh installs Debian's chromium)`);
  }
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // root in CI has no user namespace sandbox; WebGL through SwiftShader (no GPU)
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
           "--window-size=1400,900", "--font-render-hinting=none"],
    defaultViewport: { width: 1400, height: 900 },
  });
}

// Opens `url` in a new page; records console errors, page errors and any request that is not
// to the file itself (file:, data:, blob:, about:).
export async function open(browser, url) {
  const page = await browser.newPage();
  const problems = { console: [], network: [] };
  page.on("console", (m) => { if (m.type() === "error") problems.console.push(m.text()); });
  page.on("pageerror", (e) => problems.console.push(String(e)));
  page.on("request", (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) problems.network.push(r.url());
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "load", timeout: 60000 });
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", { timeout: 60000, polling: 50 });
  const readyMs = Date.now() - t0; // the page's script has run: status line set
  // one frame drawn
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const wallMs = Date.now() - t0; // with the driver's round trips
  // In the page: navigation start to the load event (the script has run, the first frame is
  // drawn before it) and to the first frame.
  const inPage = await page.evaluate(() => ({
    load: performance.timing.loadEventEnd - performance.timing.navigationStart,
    firstFrame: window.citegraph.timings.firstFrame,
  }));
  return { page, problems, loadMs: inPage.load, firstFrameMs: inPage.firstFrame, wallMs, readyMs };
}

export const fmt = (n) => Number(n).toLocaleString("en-US");
export const oneLine = (s) => s.replace(/\s+/g, " ").trim();
