// Shared set-up for the end-to-end tests: the release build served on
// 127.0.0.1, Debian's Chromium driven by Playwright, and a watch on every
// page that fails the test on any console error, uncaught exception, CSP
// violation or request that leaves the origin; and axe-core, run on a page
// as it is.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe on the page as it is now; returns the violations, described. */
export async function violations(page) {
  // Evaluated through the devtools protocol, which the page's CSP allows.
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      // Landmarks named alike are a best practice rather than a WCAG rule,
      // but a screen reader's list of a dozen equal names helps no one.
      rules: { "target-size": { enabled: true }, "landmark-unique": { enabled: true } },
    });
    return {
      checked: result.passes.length,
      violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`),
    };
  });
  assert.ok(found.checked > 10, `axe checked only ${found.checked} rules: did it run?`);
  return found.violations;
}

export const DIST = process.env.DIST || "dist";

/** Screenshots taken for a person to look at (the class table at 360 px in
 * both schemes, the README's), overwritten by each run. */
export const SCREENSHOT_DIR = join(tmpdir(), "open-door-screenshots");

/** Where a test writes the README's screenshot `name`: into docs/ when
 * asked (`SCREENSHOTS=docs`, see the README), otherwise beside the others
 * in SCREENSHOT_DIR, so a test run leaves the working tree as it found it. */
export function readmeScreenshotPath(name) {
  return join(process.env.SCREENSHOTS === "docs" ? "docs" : SCREENSHOT_DIR, name);
}

const scratchDirs = [];
/**
 * A new folder for scratch files (files to upload, a second build, a
 * browser profile, the benchmark's baseline), removed when this process
 * ends. Each test file runs in a process of its own, so a run leaves
 * nothing behind in the system's temporary folder: kept, they came to
 * about 10 MB a test run.
 */
export function scratchDir(name) {
  if (!scratchDirs.length) {
    // Each folder on its own: one still held (a browser profile after a
    // failed test) must not keep the others, nor change the exit code.
    process.on("exit", () => scratchDirs.forEach((dir) => {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {}
    }));
    // Stopped by Ctrl+C or the test runner: "exit" runs only on the way out.
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) process.once(signal, () => process.exit(code));
  }
  const dir = mkdtempSync(join(tmpdir(), `open-door-${name}-`));
  scratchDirs.push(dir);
  return dir;
}

/**
 * Where the build put the app's code (scripts/build-wasm.mjs), as paths from
 * the site root: its folder, the main module and the modules loaded when a
 * page first needs them. The page's one script (the start-up module with
 * the JS glue bundled in) is in index.html.
 */
export function appFiles(dist = DIST) {
  const folder = readdirSync(dist).find((name) => name.startsWith("app-"));
  if (!folder) throw new Error(`no app-* folder in ${dist}/: run trunk build --release first`);
  const wasm = readdirSync(`${dist}/${folder}`).filter((name) => name.endsWith(".wasm"));
  return {
    dir: `/${folder}`,
    mainWasm: `/${folder}/open-door_bg.wasm`,
    lazyModules: wasm.filter((name) => name !== "open-door_bg.wasm").map((name) => `/${folder}/${name}`),
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launch() {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`no build in ${DIST}/: run trunk build --release first`);
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A free port, so a server can be stopped and started again on it. */
export async function freePort() {
  const probe = await serve(DIST);
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

/** Serves the build and opens a browser; `close()` ends both. */
export async function startApp() {
  const server = await serve(DIST);
  const browser = await launch();
  return { server, browser, url: server.url, close: async () => { await browser.close(); await server.close(); } };
}

/** Records what must never happen on a page. Call `assertClean()` at the end. */
export function watch(page, origin) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.push(`request left the origin: ${url}`);
    }
  });
  return {
    problems,
    assertClean() {
      assert.deepEqual(problems, [], "the page logged errors or left its origin");
    },
  };
}

/** A new page in a new context (empty storage), watched. */
export async function freshPage(app, options = {}) {
  const context = await app.browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  const page = await context.newPage();
  const watcher = watch(page, app.url);
  return { context, page, watcher };
}

/** Waits until the app has rendered its page heading. */
export async function ready(page) {
  await page.waitForSelector("main h1");
}

/** Starts a quiz with a time limit: its clock waits for the student. */
export async function startTheClock(page) {
  await page.click("button:text-is('Start the quiz')");
}

/** "Erase my data on this device" on the About page, confirmed. */
export async function eraseMyData(page, origin) {
  await page.goto(origin + "/about");
  await ready(page);
  page.once("dialog", (dialog) => dialog.accept());
  await page.click("text=Erase my data on this device");
  await page.waitForSelector("text=was erased");
}

/**
 * Waits until the page's service worker install has ended: "activated"
 * (with an Open Door cache) or "failed" (no worker active, no Open Door
 * cache left); anything else is described.
 */
export async function installOutcome(page) {
  return page.evaluate(async () => {
    // The registration may not exist yet, and a failed first install
    // removes it: look for a worker for a while.
    let worker = null;
    for (let waited = 0; !worker && waited < 5000; waited += 100) {
      const registration = await navigator.serviceWorker.getRegistration();
      worker = registration && (registration.installing || registration.waiting || registration.active);
      if (!worker) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (worker && worker.state !== "activated") {
      await new Promise((resolve) => {
        worker.addEventListener("statechange", () => (worker.state === "redundant" || worker.state === "activated" ? resolve() : null));
        setTimeout(resolve, 15000);
      });
    }
    const after = await navigator.serviceWorker.getRegistration();
    const cached = (await caches.keys()).some((name) => name.startsWith("open-door-"));
    if (after && after.active && cached) return "activated";
    if (!(after && after.active) && !cached) return "failed";
    return `unclear: active ${!!(after && after.active)}, cache ${cached}`;
  });
}

/** Answers the question on screen with its first choice (or the order as shown). */
export async function answerShown(page) {
  // The question may still be rendering (right after a page load): counting
  // its choices before it is there would submit no answer at all.
  await page.waitForSelector("form.question button[type=submit]");
  const choice = page.locator("form.question input").first();
  if (await choice.count()) await choice.check();
  await page.click("form.question button[type=submit]");
}

/** What a quiz form (the student's set-up, the teacher's link builder) holds: its ticked inputs, time limit and title. */
export function builderForm(page) {
  return page.evaluate(() => ({
    ticked: [...document.querySelectorAll("form.builder input:checked")].map((input) => input.id).sort(),
    minutes: document.querySelector("#minutes").value,
    title: document.querySelector("#quiz-title")?.value ?? null,
  }));
}

/**
 * Leaves a quiz form's page by `leave`, comes back by Back, then reloads:
 * the form is `left` each time (the forms are kept for the tab).
 */
export async function assertFormKept(page, left, leave) {
  await leave();
  await page.goBack();
  await page.waitForSelector("form.builder");
  assert.deepEqual(await builderForm(page), left, "the form after Back");
  await page.reload();
  await page.waitForSelector("form.builder");
  assert.deepEqual(await builderForm(page), left, "the form after a reload");
}

/**
 * On the Classroom page: makes the class link of 5 Article 5 questions
 * (in `mode`, with the time limit `minutes` and the teacher's `title`
 * where given), and returns the link.
 */
export async function makeArticle5Link(page, { title, mode = "practice", minutes } = {}) {
  await page.check("#topic-article-5");
  await page.check("#count-5");
  await page.check(`#mode-${mode}`);
  if (minutes) await page.selectOption("#minutes", String(minutes));
  if (title) await page.fill("#quiz-title", title);
  await page.click("text=Make the class link");
  return page.textContent(".share-link");
}

/** After the projector's slide has been fitted to the screen, a frame after it changed. */
export function slideFitted(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * Presses a clicker's Page Down until the projector's revealed answer shows
 * its end, as a teacher does: one longer than its box scrolls in it.
 */
export async function showTheWholeAnswer(page) {
  await slideFitted(page);
  for (let press = 0; await page.$eval(".projector-answer", (answer) => answer.scrollHeight - answer.clientHeight - answer.scrollTop > 1); press++) {
    assert.ok(press < 5, "the answer's end within a few presses");
    await page.keyboard.press("PageDown");
    await slideFitted(page);
  }
}
