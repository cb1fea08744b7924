// "A class of 35 files loads in under a second": the time from the
// teacher's choosing 35 result files on the Classroom page (the file input's
// change event) to the class table painted with 35 rows. The files are
// written by the core's `class_files` example, as students' devices write
// them (every fifth a CSV).
//
// Part of `make bench`; runnable alone against a release build:
//   trunk build --release && node bench/class-results.mjs
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scratchDir } from "../e2e/helpers.mjs";

export const CLASS_SIZE = 35;

/** Writes the class's files; returns their paths. */
function classFiles() {
  const dir = scratchDir("class");
  const names = execFileSync("cargo", ["run", "-q", "-p", "open-door-core", "--example", "class_files", "--", dir, String(CLASS_SIZE)], { encoding: "utf8" });
  return names.trim().split("\n").map((name) => join(dir, name));
}

/** Loads the class `runs` times, each in a fresh page with the CPU slowed `cpu` times; returns the times in ms. */
export async function classResultsLoad(browser, appUrl, { runs, cpu }) {
  const files = classFiles();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    await page.goto(appUrl + "/classroom");
    await page.waitForSelector("#class-files", { timeout: 60000 });
    await page.evaluate((size) => {
      let start;
      document.querySelector("#class-files").addEventListener("change", () => { start = performance.now(); }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll(".class-table tbody tr").length !== size) return;
        observer.disconnect();
        // Painted: the frame after the rows are in the page.
        requestAnimationFrame(() => setTimeout(() => { window.__classLoadMs = performance.now() - start; }));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, CLASS_SIZE);
    await page.setInputFiles("#class-files", files);
    await page.waitForFunction(() => window.__classLoadMs !== undefined, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__classLoadMs));
    // The measured path is the real one: every file read and its code checked.
    const matching = await page.locator(".class-table tbody tr td:has-text('Matches')").count();
    if (matching !== CLASS_SIZE) throw new Error(`${matching} of ${CLASS_SIZE} class files matched their codes`);
    await context.close();
  }
  return times;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { chromium } = await import("playwright-core");
  const { CHROMIUM_ARGS, DIST } = await import("../e2e/helpers.mjs");
  const { serve } = await import("../e2e/serve.mjs");
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  for (const cpu of [1, 4]) {
    const times = await classResultsLoad(browser, server.url, { runs: 5, cpu });
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`${CLASS_SIZE} result files to the class table, CPU ${cpu}x slower: median ${Math.round(sorted[2])} ms (${sorted.map(Math.round).join(", ")})`);
  }
  await browser.close();
  await server.close();
}
