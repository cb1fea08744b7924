// Offline once opened: the service worker serves the whole app with no
// network, deep links included; updates wait for the student's word and
// never reload another tab mid-quiz; a failing server falls back to the
// cache; a broken precache never activates; a first install the line cut
// short is made once the network is back, whether the browser says so or not; a bad copy met at install or
// found in the cache is refused or repaired by "Try again"; the worker is
// registered once the app has started, even when its script arrives last.
import assert from "node:assert/strict";
import { appendFileSync, cpSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { stampServiceWorker } from "../scripts/post-build.mjs";
import { chromium } from "playwright-core";
import { answerShown, appFiles, CHROMIUM_ARGS, DIST, freePort, installOutcome, launch, ready, scratchDir, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await ready(page);
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the worker controls the page");
}

/**
 * A fresh browser profile and a host serving the build on a port of its
 * own, both closed when the test ends, passed or not. The host can be
 * stopped (`host.stop()`, the line gone) and put back at the same address
 * with another build or other faults (`host.serve(root, options)`), as a
 * school's network and a deploy do.
 */
async function open(t, options = {}) {
  const port = await freePort();
  let server = await serve(DIST, port, options);
  const context = await browser.newContext();
  t.after(async () => {
    await context.close().catch(() => {});
    await server.close();
  });
  const host = {
    url: server.url,
    requests: (path) => server.requests(path),
    stop: () => server.close(),
    async serve(root, options = {}) {
      await server.close();
      server = await serve(root, port, options);
    },
  };
  return { host, context, page: await context.newPage() };
}

const openDoorCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("open-door-")));

test("offline after one visit, a deep-linked quiz is finished and saved; an update waits for the student", async (t) => {
  const { host, context, page } = await open(t);
  const watcher = watch(page, host.url);

  await page.goto(host.url + "/");
  await ready(page);
  await controlled(page);
  const [firstCache] = await openDoorCaches(page);
  assert.ok(firstCache, "the precache exists");


  // No network at all: the server is gone and the browser is offline.
  await host.stop();
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.goto(host.url + "/quiz/play?ids=000-01,002-05,004-02&seed=5&mode=practice");
  for (let n = 1; n <= 3; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 3")`);
    await answerShown(page);
    await page.waitForSelector(".feedback");
    await page.click(`button:text-is("${n === 3 ? "See results" : "Next question"}")`);
  }
  await page.waitForSelector(".score");
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("open-door.progress")));
  const quizzes = Object.values(saved.quizzes);
  assert.equal(quizzes.length, 1);
  assert.ok(quizzes[0].finished_at_ms, "the quiz is saved as finished");
  assert.deepEqual(Object.keys(saved.questions).sort(), ["000-01", "002-05", "004-02"]);

  // Back online with a new build: it installs beside the old one and waits.
  await host.serve(nextBuild({ folder: "app-second" }));
  await context.setOffline(false);
  await page.goto(host.url + "/quiz/play?ids=000-02&seed=1");
  await page.waitForSelector("text=A new version of Open Door is ready");
  assert.equal(await page.locator("form.question").count(), 1, "the quiz on screen is untouched");
  await Promise.all([page.waitForEvent("load"), page.click("text=Reload to update")]);
  await ready(page);
  // The version before is kept, for a tab still open on it (see "Reload
  // to update in one tab…"), until the next one.
  await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith("open-door-")).length === 2);
  const [before, second] = await openDoorCaches(page);
  assert.equal(before, firstCache);
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("open-door.progress")));
  assert.equal(kept.questions["000-01"].seen, 1, "progress survives the update");

  // A third version: the first one's cache goes, so versions do not pile up.
  await host.serve(nextBuild({ folder: "app-third" }));
  await page.reload();
  await page.waitForSelector("text=A new version of Open Door is ready");
  await Promise.all([page.waitForEvent("load"), page.click("text=Reload to update")]);
  await ready(page);
  await page.waitForFunction(async (old) => !(await caches.keys()).includes(old), firstCache);
  const left = await openDoorCaches(page);
  assert.equal(left.length, 2, `the version before and this one: ${left}`);
  assert.equal(left[0], second);

  watcher.assertClean();
});

// Installing the worker downloads every file of the app: on a slow line,
// during the first load, that would share the line with the quiz's own files.
test("the worker is registered once the app has started, not while its first load is on the way", async (t) => {
  const { mainWasm } = appFiles();
  const { host, page } = await open(t, { delays: { [mainWasm]: 5000 } });
  const registered = () => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()));

  await page.goto(host.url + "/quiz/play?ids=000-01,002-05&seed=3&mode=practice");
  await page.waitForSelector("#start-up:not([hidden])");
  await page.waitForTimeout(1500);
  assert.equal(await page.locator("form.question").count(), 0, "the wasm is still on its way");
  assert.equal(await registered(), false, "no worker registered before the app has started");

  await page.waitForSelector("form.question input");
  assert.equal(await installOutcome(page), "activated");
  assert.ok((await openDoorCaches(page)).length, "the precache exists");
});

// A school's line is shared by the class: the worker's install takes what
// the page has just downloaded from the browser's cache, not the network.
test("installing the worker downloads none of the files the class link's first load brought", async (t) => {
  const { mainWasm } = appFiles();
  const { host, page } = await open(t, { gzip: true });

  await page.goto(host.url + "/quiz/play?ids=000-01,002-05&seed=3&mode=practice");
  await page.waitForSelector("form.question input");
  assert.equal(await installOutcome(page), "activated");
  // The page's script and stylesheet are in the page itself.
  assert.equal(host.requests(mainWasm), 1, `${mainWasm} was downloaded once, by the page`);
});

test("a server that fails while online falls back to the cache", async (t) => {
  const { host, page } = await open(t);
  await page.goto(host.url + "/learn");
  await ready(page);
  await controlled(page);
  await host.serve(DIST, { failing: true });
  await page.goto(host.url + "/sources/003");
  await ready(page);
  assert.match(await page.textContent("main h1"), /fine line/);
});

test("a precache with one file missing never activates", async (t) => {
  const { host, page } = await open(t, { missing: ["/robots.txt"] });
  await page.goto(host.url + "/");
  await ready(page);
  assert.equal(await installOutcome(page), "failed", "no worker activated, no half-filled cache");
});

// A school's line drops for a moment on a first visit, as the worker is
// asked for or while it downloads the app: the app is running, but would
// not work offline until opened again. Once the browser says the network
// is back, the worker is installed, and the class can go offline. Where
// the browser never says so (the line beyond the Wi-Fi dropped), it is
// tried again by itself after ten seconds.
const firstVisitDrops = [["as the worker's script is asked for", "/sw.js"], ["while the worker downloads the app", "/robots.txt"]];
for (const [[when, failing], saysSo] of firstVisitDrops.flatMap((drop) => [[drop, true], [drop, false]])) {
  test(`the line drops on a first visit ${when}: the worker installs once the network is back${saysSo ? "" : ", the browser never saying so"}`, async (t) => {
    const faults = { [failing]: "500" };
    const { host, context, page } = await open(t, { faults });

    await page.goto(host.url + "/quiz/play?ids=000-01,002-05&seed=3&mode=practice");
    await page.waitForSelector("form.question input");
    assert.equal(await installOutcome(page), "failed");

    delete faults[failing];
    if (saysSo) {
      await context.setOffline(true);
      await context.setOffline(false);
    } else {
      const triedAgain = await page.evaluate(async () => {
        for (let waited = 0; waited < 15000; waited += 250) {
          const registration = await navigator.serviceWorker.getRegistration();
          if (registration && (registration.installing || registration.waiting || registration.active)) return true;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        return false;
      });
      assert.ok(triedAgain, "the worker was registered again within 15 s");
    }
    assert.equal(await installOutcome(page), "activated");
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector("form.question input");
    assert.match(await page.textContent(".question-heading"), /Question 1 of 2/);
  });
}

const { mainWasm: WASM } = appFiles();

test("a captive portal answering the wasm on a first visit: Try again, no poisoned cache, then offline works", async (t) => {
  const { host, context, page } = await open(t, { faults: { [WASM]: "html" } });
  await page.goto(host.url + "/quiz");
  await page.waitForSelector("#start-up button:text-is('Try again')");
  assert.match(await page.textContent("#start-up [role=status]"), /did not finish loading/);
  assert.equal(await installOutcome(page), "failed", "the portal's page was not cached as the wasm");

  // Past the portal: Try again starts the app, and the worker installs the real files.
  await host.serve(DIST);
  await page.click("#start-up button");
  await ready(page);
  await controlled(page);
  const wasmType = await page.evaluate(async (wasm) => (await caches.match(wasm)).headers.get("content-type"), WASM);
  assert.equal(wasmType, "application/wasm");
  await host.stop();
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.equal(await page.textContent("main h1"), "Quiz");
});

test("a new version whose code arrives as HTML is not installed: the old one keeps working, and it is tried again later", async (t) => {
  const { host, page } = await open(t);
  await page.goto(host.url + "/");
  await ready(page);
  await controlled(page);
  const [firstCache] = await openDoorCaches(page);

  // A deploy in progress: the new build is up, its new main module answered by HTML.
  const next = nextBuild();
  await host.serve(next, { faults: { [WASM]: "html" } });
  await page.reload();
  await ready(page);
  const attempt = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
    const worker = registration.installing;
    if (worker) {
      await new Promise((resolve) => worker.addEventListener("statechange", () => (["installed", "redundant"].includes(worker.state) ? resolve() : null)));
    }
    return { tried: !!worker, waiting: !!registration.waiting, installing: !!registration.installing };
  });
  assert.deepEqual(attempt, { tried: true, waiting: false, installing: false }, "the new version was tried and did not install");
  assert.deepEqual(await openDoorCaches(page), [firstCache], "the old cache alone, untouched");
  assert.equal(await page.locator("text=A new version of Open Door is ready").count(), 0);
  await page.goto(host.url + "/sources");
  await ready(page);

  // The deploy finished: the next visit installs it, and it waits as usual.
  await host.serve(next);
  await page.reload();
  await page.waitForSelector("text=A new version of Open Door is ready");
});

test("a bad copy in the cache: the start-up fails, and Try again refetches it and recovers", async (t) => {
  const { host, page } = await open(t);
  await page.goto(host.url + "/");
  await ready(page);
  await controlled(page);
  // As an earlier worker would have cached a portal's page: HTML, status 200.
  await page.evaluate(async (wasm) => {
    const [name] = (await caches.keys()).filter((k) => k.startsWith("open-door-"));
    const html = new Response("<!DOCTYPE html><title>Wi-Fi login</title>", { headers: { "content-type": "text/html" } });
    await (await caches.open(name)).put(new URL(wasm, location.href).href, html);
  }, WASM);
  await page.goto(host.url + "/learn");
  await page.waitForSelector("#start-up button:text-is('Try again')");
  await page.click("#start-up button");
  await ready(page);
  assert.equal(await page.textContent("main h1"), "Learn");
  const wasmType = await page.evaluate(async (wasm) => (await caches.match(wasm)).headers.get("content-type"), WASM);
  assert.equal(wasmType, "application/wasm", "the cache holds the real wasm again");
});

test("Reload to update in one tab leaves another tab's quiz alone: it finishes on its version, results too, and asks on its own", async (t) => {
  const { host, context, page: home } = await open(t);
  await home.goto(host.url + "/");
  await ready(home);
  await controlled(home);
  const quiz = await context.newPage();
  // Opened, not yet answered: the results' module, asked for after the
  // first answer, is not here yet.
  await quiz.goto(host.url + "/quiz/play?ids=000-01,002-05,004-02&seed=5&mode=practice");
  await quiz.waitForSelector('h2:text-is("Question 1 of 3")');
  await quiz.evaluate(() => { window.sameDocument = true; });

  // A new build on the server, in its own app folder as a deploy makes it
  // (the old folder is gone from the host): both tabs learn of it.
  await host.serve(nextBuild({ folder: "app-next" }));
  await home.reload();
  await ready(home);
  await home.waitForSelector("text=A new version of Open Door is ready");
  await quiz.waitForSelector("text=A new version of Open Door is ready");
  await quiz.evaluate(() => navigator.serviceWorker.addEventListener("controllerchange", () => { window.newWorker = true; }));

  await Promise.all([home.waitForEvent("load"), home.click("text=Reload to update")]);
  await ready(home);
  // Wait until the new version is in charge everywhere, then look at the quiz tab.
  await quiz.waitForFunction(() => window.newWorker === true);
  await quiz.waitForTimeout(500);
  assert.equal(await quiz.evaluate(() => window.sameDocument), true, "the tab mid-quiz was not reloaded");
  assert.equal(await quiz.locator('h2:text-is("Question 1 of 3")').count(), 1, "still on question 1");
  assert.equal(await quiz.locator("text=A new version of Open Door is ready").count(), 1, "it still offers the update");

  // It finishes the quiz on its own version: its results' module, in the
  // old app folder, comes from the old version's cache (found by a walk:
  // "Your results did not load", whatever Try again did).
  for (const n of [1, 2, 3]) {
    await quiz.waitForSelector(`h2:text-is("Question ${n} of 3")`);
    await answerShown(quiz);
    await quiz.waitForSelector(".feedback");
    await quiz.click(`button:text-is("${n === 3 ? "See results" : "Next question"}")`);
  }
  await quiz.waitForSelector(".score");
  assert.equal(await quiz.evaluate(() => window.sameDocument), true, "still not reloaded");

  // Its own button reloads it onto the new version, the result kept.
  await Promise.all([quiz.waitForEvent("load"), quiz.click("text=Reload to update")]);
  await quiz.waitForSelector(".score");
  assert.equal(await quiz.evaluate(() => window.sameDocument), undefined, "reloaded");
});

/**
 * A copy of the build with one file changed, the main module: a new version
 * for the worker, whose main module the browser's cache does not hold. What
 * changes is a custom section added at its end, which the browser skips.
 * With `folder`, the app's folder is renamed instead, as a real deploy's is.
 */
function nextBuild({ folder } = {}) {
  const next = scratchDir("next");
  cpSync(DIST, next, { recursive: true });
  if (folder) {
    // As a real deploy: the app's folder is named by its build, so every
    // module's address changes, and the old ones are no longer served.
    const old = readdirSync(next).find((name) => name.startsWith("app-"));
    renameSync(join(next, old), join(next, folder));
    const page = join(next, "index.html");
    writeFileSync(page, readFileSync(page, "utf8").split(old).join(folder));
  } else {
    const name = Buffer.from("next-build");
    appendFileSync(join(next, WASM), Buffer.concat([Buffer.from([0, name.length + 1, name.length]), name]));
  }
  stampServiceWorker(next, readFileSync("public/sw.js", "utf8"));
  return next;
}

test("Chromium finds the app installable (manifest, icons, service worker)", async (t) => {
  // Installability is never offered in an incognito-like context, so this
  // one uses a real, fresh profile.
  const server = await serve(DIST);
  const context = await chromium.launchPersistentContext(scratchDir("profile"), {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  t.after(async () => {
    await context.close();
    await server.close();
  });
  const page = await context.newPage();
  await page.goto(server.url + "/");
  await ready(page);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
});
