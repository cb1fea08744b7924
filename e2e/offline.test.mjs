// Offline once opened: the service worker serves the whole app with no
// network, deep links included; updates wait for the student's word; a
// failing server falls back to the cache; a broken precache never activates.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { stampServiceWorker } from "../scripts/post-build.mjs";
import { chromium } from "playwright-core";
import { answerShown, CHROMIUM_ARGS, DIST, launch, ready, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** A free port, so a server can be stopped and started again on it. */
async function freePort() {
  const probe = await serve(DIST);
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await ready(page);
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the worker controls the page");
}

const openDoorCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("open-door-")));

test("offline after one visit, a deep-linked quiz is finished and saved; an update waits for the student", async (t) => {
  const port = await freePort();
  let server = await serve(DIST, port);
  const context = await browser.newContext();
  t.after(() => cleanUp(context, () => server));
  const page = await context.newPage();
  const watcher = watch(page, server.url);

  await page.goto(server.url + "/");
  await ready(page);
  await controlled(page);
  const [firstCache] = await openDoorCaches(page);
  assert.ok(firstCache, "the precache exists");


  // No network at all: the server is gone and the browser is offline.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.goto(server.url + "/quiz/play?ids=000-01,002-05,004-02&seed=5&mode=practice");
  for (let n = 1; n <= 3; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 3")`);
    await answerShown(page);
    await page.waitForSelector(".feedback");
    await page.click(`button:text-is("${n === 3 ? "See results" : "Next question"}")`);
  }
  await page.waitForSelector(".score");
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("open-door.progress")));
  assert.equal(saved.in_progress, null);
  assert.deepEqual(Object.keys(saved.questions).sort(), ["000-01", "002-05", "004-02"]);

  // Back online with a new build: it installs beside the old one and waits.
  const next = mkdtempSync(join(tmpdir(), "open-door-next-"));
  cpSync(DIST, next, { recursive: true });
  writeFileSync(join(next, "robots.txt"), "User-agent: *\nAllow: /\n# next build\n");
  stampServiceWorker(next, readFileSync("public/sw.js", "utf8"));
  server = await serve(next, port);
  await context.setOffline(false);
  await page.goto(server.url + "/quiz/play?ids=000-02&seed=1");
  await page.waitForSelector("text=A new version of Open Door is ready");
  assert.equal(await page.locator("form.question").count(), 1, "the quiz on screen is untouched");
  await Promise.all([page.waitForEvent("load"), page.click("text=Reload to update")]);
  await ready(page);
  await page.waitForFunction(async (old) => !(await caches.keys()).includes(old), firstCache);
  const caches = await openDoorCaches(page);
  assert.equal(caches.length, 1, `one cache left: ${caches}`);
  assert.notEqual(caches[0], firstCache);
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("open-door.progress")));
  assert.equal(kept.questions["000-01"].seen, 1, "progress survives the update");

  watcher.assertClean();
});

test("a server that fails while online falls back to the cache", async (t) => {
  const port = await freePort();
  let server = await serve(DIST, port);
  const context = await browser.newContext();
  t.after(() => cleanUp(context, () => server));
  const page = await context.newPage();
  await page.goto(server.url + "/learn");
  await ready(page);
  await controlled(page);
  await server.close();
  server = await serve(DIST, port, { failing: true });
  await page.goto(server.url + "/sources/003");
  await ready(page);
  assert.match(await page.textContent("main h1"), /fine line/);
});

test("a precache with one file missing never activates", async (t) => {
  const server = await serve(DIST, 0, { missing: ["/robots.txt"] });
  const context = await browser.newContext();
  t.after(() => cleanUp(context, () => server));
  const page = await context.newPage();
  await page.goto(server.url + "/");
  await ready(page);
  const outcome = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const worker = registration && (registration.installing || registration.waiting || registration.active);
    if (worker && worker.state !== "redundant") {
      await new Promise((resolve) => {
        worker.addEventListener("statechange", () => worker.state === "redundant" || worker.state === "activated" ? resolve() : null);
        setTimeout(resolve, 10000);
      });
    }
    const after = await navigator.serviceWorker.getRegistration();
    return { active: !!(after && after.active), caches: await caches.keys() };
  });
  assert.equal(outcome.active, false, "no worker activated");
  assert.deepEqual(outcome.caches.filter((k) => k.startsWith("open-door-")), [], "no half-filled cache");
});

test("Chromium finds the app installable (manifest, icons, service worker)", async (t) => {
  // Installability is never offered in an incognito-like context, so this
  // one uses a real, fresh profile.
  const server = await serve(DIST);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "open-door-profile-")), {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  t.after(() => cleanUp(context, () => server));
  const page = await context.newPage();
  await page.goto(server.url + "/");
  await ready(page);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
});

/** Closes what a test opened, whether it passed or not. */
async function cleanUp(context, server) {
  await context.close().catch(() => {});
  await server().close().catch(() => {});
}
