// Hosted as a school would: the build made with trunk's one setting
// `--public-url /open-door/` (the Makefile's build-release writes it to
// dist-open-door/), served only under /open-door/ from its precompressed
// files, as a project page on a static host. Every link, the router, the
// service worker and its precache, the manifest and the icons stay under
// the sub-path.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { answerShown, CHROMIUM_ARGS, launch, ready, scratchDir, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

const BUILD = process.env.DIST_SUBPATH || "dist-open-door";
const BASE = "/open-door/";

let browser;
before(async () => {
  if (!existsSync(`${BUILD}/index.html`)) {
    throw new Error(`no sub-path build in ${BUILD}/: run trunk build --release --public-url ${BASE} --dist ${BUILD} first (make build-release does)`);
  }
  browser = await launch();
});
after(async () => { await browser?.close(); });

/** Fails the test on any answer that is not a success (a 404 outside the sub-path). */
function watchResponses(page) {
  const failed = [];
  const encodings = new Map();
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    encodings.set(new URL(response.url()).pathname, response.headers()["content-encoding"]);
  });
  return { failed, encodings };
}

/** Waits (bounded, unlike navigator.serviceWorker.ready) for an active worker. */
async function activeWorker(page) {
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.active, null, { timeout: 30000, polling: 200 });
}

/** Every link on the page stays under the sub-path. */
async function linksUnderBase(page) {
  const outside = await page.evaluate((base) => [...document.querySelectorAll("a[href]")]
    .map((a) => a.getAttribute("href"))
    .filter((href) => !href.startsWith("#") && !new URL(href, location.href).pathname.startsWith(base)), BASE);
  assert.deepEqual(outside, [], "links that leave the sub-path");
}

test("under /open-door/: home, navigation, a deep link, a quiz, a class link and an offline reload", async (t) => {
  let server = await serve(BUILD, 0, { base: BASE, precompressed: true });
  const port = Number(new URL(server.url).port);
  const context = await browser.newContext();
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const watcher = watch(page, server.url);
  const responses = watchResponses(page);
  const app = server.url + BASE;

  await page.goto(app);
  await ready(page);
  assert.match(await page.textContent("main h1"), /Open Door/);
  await linksUnderBase(page);
  assert.equal(await page.getAttribute("header a.brand", "href"), BASE);

  // The router works inside the sub-path: links and the browser's history.
  await page.click('nav a:text-is("Learn")');
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Learn");
  assert.equal(new URL(page.url()).pathname, BASE + "learn");
  await linksUnderBase(page);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.includes("Open Door"));

  // A deep link, opened directly, and its content links.
  await page.goto(app + "learn/article-5");
  await ready(page);
  assert.match(await page.textContent("main h1"), /Article 5/);
  await linksUnderBase(page);
  await page.click('main a[href*="/sources/"] >> nth=0');
  await page.waitForFunction(() => location.pathname.includes("/open-door/sources/"));
  await ready(page);

  // A quiz started from the Quiz page (the app navigates by itself there).
  await page.click('nav a:text-is("Quiz")');
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Quiz");
  await page.check("#count-5");
  await page.click('button:text-is("Start")');
  await page.waitForSelector('h2:text-is("Question 1 of 5")');
  assert.equal(new URL(page.url()).pathname, BASE + "quiz/play");
  for (let n = 1; n <= 5; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 5")`);
    await answerShown(page);
    await page.waitForSelector(".feedback");
    await page.click(`button:text-is("${n === 5 ? "See results" : "Next question"}")`);
  }
  await page.waitForSelector(".score");
  await linksUnderBase(page);
  await page.click("text=New quiz");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Quiz");
  assert.equal(new URL(page.url()).pathname, BASE + "quiz");

  // The class link a teacher hands out carries the sub-path.
  await page.goto(app + "classroom");
  await ready(page);
  await page.check("#count-5");
  await page.click("text=Make the class link");
  assert.match(await page.textContent(".share-link"), new RegExp(`^${server.url}${BASE}quiz/play\\?check=[A-Z2-9]{4}&ids=`));
  await linksUnderBase(page);

  // The service worker lives in the sub-path and served precompressed files.
  await activeWorker(page);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), app);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await ready(page);
  const wasm = [...responses.encodings.keys()].find((path) => path.endsWith(".wasm"));
  assert.ok(wasm.startsWith(BASE), `the wasm came from the sub-path: ${wasm}`);
  assert.equal(responses.encodings.get(wasm), "br", "the wasm arrived as the build's Brotli file");

  // Offline: a deep link to a quiz reloads from the cache.
  await server.close();
  await context.setOffline(true);
  await page.goto(app + "quiz/play?ids=000-01,002-05&seed=3&mode=practice");
  await page.waitForSelector('h2:text-is("Question 1 of 2")');
  await page.reload();
  await page.waitForSelector('h2:text-is("Question 1 of 2")');
  await context.setOffline(false);
  server = await serve(BUILD, port, { base: BASE, precompressed: true });

  assert.deepEqual(responses.failed, [], "every request under the sub-path succeeded");
  watcher.assertClean();
});

test("under /open-door/ Chromium finds the app installable (manifest, icons, worker scope)", async (t) => {
  const server = await serve(BUILD, 0, { base: BASE, precompressed: true });
  const context = await chromium.launchPersistentContext(scratchDir("profile"), {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const responses = watchResponses(page);
  await page.goto(server.url + BASE + "quiz");
  await ready(page);
  await activeWorker(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const { url, errors } = await cdp.send("Page.getAppManifest");
  assert.equal(new URL(url).pathname, BASE + "manifest.webmanifest");
  assert.deepEqual(errors, []);
  assert.deepEqual(responses.failed, []);
});
