// Pages whose code arrives when first opened (src/lazy.rs,
// scripts/build-wasm.mjs): a class link loads no page module but the quiz's;
// after visiting only a class link every route works offline (the service
// worker precached every module); a module that arrives late shows a
// loading line and then the page; one that cannot arrive says so, with
// "Try again", instead of a blank page.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { parse } from "smol-toml";
import { answerShown, appFiles, DIST, freePort, installOutcome, launch, ready, violations, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

const CLASS_LINK = "/quiz/play?ids=000-01,002-05,004-02&seed=5&mode=practice";
const { lazyModules, dir } = appFiles();
// The other pages' styles, which the first page that needs them fetches.
const PAGE_STYLES = `${dir}/pages.css`;

// Every route, with what its page must show once its code is there.
const ROUTES = [
  ["/", "h1:text-is('Open Door: how a country joins NATO')"],
  ["/learn", "h1:text-is('Learn')"],
  ["/learn/article-5", "main h1"],
  ["/glossary", "h1:text-is('Glossary')"],
  ["/quiz", "h1:text-is('Quiz')"],
  [CLASS_LINK, "h2:text-is('Question 1 of 3')"],
  ["/sources", "h1:text-is('Sources')"],
  ["/sources/003", "main h1"],
  ["/classroom", "h1:text-is('Classroom')"],
  ["/classroom/projector?ids=000-01,002-05&seed=3", "h1.projector-title"],
  ["/classroom/print?ids=000-01,002-05&seed=3", "h1:text-matches('^Worksheet')"],
  ["/about", "h1:text-is('About and privacy')"],
  ["/no-such-page", "h1:text-is('Page not found')"],
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("the figures' data, the explainers, the glossary and where each source comes from travel in a page module, not the main module", () => {
  const main = readFileSync(DIST + appFiles().mainWasm);
  const modules = lazyModules.map((path) => readFileSync(DIST + path));
  const glossary = parse(readFileSync("content/glossary.toml", "utf8")).term;
  const explainers = readdirSync("content/explainers").map((name) => readFileSync(`content/explainers/${name}`, "utf8"));
  const samples = [
    ["the enlargement map's note", parse(readFileSync("content/figures/enlargement.toml", "utf8")).map_note],
    ["a glossary definition", glossary[0].definition],
    ["an explainer's summary", explainers[0].match(/^summary = "(.*)"$/m)?.[1]],
    ["a source's provenance", parse(readFileSync("content/articles/000.toml", "utf8")).provenance],
  ];
  for (const [what, text] of samples) {
    assert.ok(text && text.length > 40, `${what} was found in the content`);
    const bytes = Buffer.from(text);
    assert.ok(!main.includes(bytes), `${what} is not in the main module`);
    assert.ok(modules.some((module) => module.includes(bytes)), `${what} is in a page module`);
  }
});

test("the page carries its one script and its styles, and the script asks Chrome to compile it whole, not function by function when first called", () => {
  const page = readFileSync(DIST + "/index.html", "utf8");
  const scripts = [...page.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1, "one module script, in the page");
  const [script] = scripts;
  assert.ok(script.startsWith("//# allFunctionsCalledOnLoad\n"), `the script starts: ${JSON.stringify(script.slice(0, 40))}`);
  assert.ok(script.includes("instantiateStreaming") && script.includes("chunk_"), "the glue and the modules' loader are in it");
  assert.doesNotMatch(page, /<script[^>]*\ssrc=/, "no script file is linked");
  assert.doesNotMatch(page, /data-trunk/, "no build instruction for trunk is left in the page");
  const links = page.match(/<link\b[^>]*\srel="?stylesheet[^>]*>/g) ?? [];
  assert.deepEqual(links.map((link) => /\sdisabled[\s>]/.test(link)), [true], `one stylesheet file is linked, the other pages' one, disabled: ${links}`);
  const style = page.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? "";
  assert.match(style, /\.question/, "the quiz's styles are in the page");
  assert.doesNotMatch(style, /\.projector|\.class-table|\.glossary/, "the other pages' styles are not");
  const files = readdirSync(DIST, { recursive: true }).map(String);
  assert.deepEqual(files.filter((name) => /\.(js|css)$/.test(name)).sort(), [PAGE_STYLES.slice(1), "sw.js"], "the service worker is the build's only script file, and the other pages' styles its one stylesheet file");
});

test("the build has page modules, and a class link's first load fetches none of them", async (t) => {
  assert.ok(lazyModules.length >= 3, `the reading, set-up and teacher's pages are split off: ${lazyModules}`);
  const server = await serve(DIST);
  const context = await browser.newContext({ serviceWorkers: "block" });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const watcher = watch(page, server.url);
  const fetched = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector("h2:text-is('Question 1 of 3')");
  assert.deepEqual(fetched.filter((path) => lazyModules.includes(path) || path === PAGE_STYLES), [], "no page module, and no other page's styles, on the quiz's first load");

  // Following the evidence fetches the sources' module and the other
  // pages' styles, then shows the source with them; not the other reading
  // pages' module (explainers, figures, glossary).
  await page.click("form.question input >> nth=0");
  await page.click("form.question button[type=submit]");
  await page.click(".feedback a[href*='/sources/']");
  await page.waitForSelector("main #evidence");
  assert.ok(fetched.some((path) => path.endsWith("/split_sources.wasm")), "the source's module came when it was opened");
  assert.ok(!fetched.some((path) => path.endsWith("/split_reading.wasm")), "the other reading pages' module did not");
  assert.equal(fetched.filter((path) => path === PAGE_STYLES).length, 1, "and the other pages' styles, once");
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("evidence")).scrollMarginTop), "48px", "the source is styled");
  watcher.assertClean();
});

test("the results' module comes once a question is answered, so a class whose network drops before the end still sees its results", async (t) => {
  const results = lazyModules.find((path) => path.endsWith("/split_quiz.wasm"));
  assert.ok(results, `the results screen has a module of its own: ${lazyModules}`);
  const server = await serve(DIST);
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 360, height: 740 } });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const fetched = [];
  const pending = new Set();
  page.on("request", (request) => { fetched.push(new URL(request.url()).pathname); pending.add(request); });
  for (const ended of ["requestfinished", "requestfailed"]) page.on(ended, (request) => pending.delete(request));
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector("h2:text-is('Question 1 of 3')");
  assert.ok(!fetched.includes(results), "not before the first question is shown");
  const arrived = page.waitForResponse((response) => new URL(response.url()).pathname === results);
  await answerShown(page);
  assert.equal((await arrived).status(), 200);
  // The module's chunks were asked for with it: let every download end.
  while (pending.size) await page.waitForTimeout(100);

  // No service worker and no network from here on: the results still show.
  await server.close();
  await context.setOffline(true);
  for (const next of [2, 3]) {
    await page.click("text=Next question");
    await page.waitForSelector(`h2:text-is('Question ${next} of 3')`);
    await answerShown(page);
  }
  await page.click("text=See results");
  await page.waitForSelector("h2:text-is('Results')");
  assert.match(await page.textContent(".score"), /^You scored \d out of 3\.$/);
  assert.ok(!fetched.includes(PAGE_STYLES), "the quiz and its results take no other page's styles");
});

test("a quiz reloaded after an answer asks for the results' module again at once, so its results show though the network drops before the next answer", async (t) => {
  const results = lazyModules.find((path) => path.endsWith("/split_quiz.wasm"));
  const server = await serve(DIST);
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 360, height: 740 } });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const pending = new Set();
  page.on("request", (request) => pending.add(request));
  for (const ended of ["requestfinished", "requestfailed"]) page.on(ended, (request) => pending.delete(request));
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector("h2:text-is('Question 1 of 3')");
  await answerShown(page);
  await page.click("text=Next question");
  await page.waitForSelector("h2:text-is('Question 2 of 3')");
  const askedAgain = page.waitForResponse((response) => new URL(response.url()).pathname === results, { timeout: 5000 });
  await page.reload();
  await page.waitForSelector("h2:text-is('Question 2 of 3')");
  assert.equal((await askedAgain).status(), 200, "asked for after the reload, before any answer");
  while (pending.size) await page.waitForTimeout(100);

  await server.close();
  await context.setOffline(true);
  for (const next of [2, 3]) {
    await page.waitForSelector(`h2:text-is('Question ${next} of 3')`);
    await answerShown(page);
    await page.click(`text=${next < 3 ? "Next question" : "See results"}`);
  }
  await page.waitForSelector("h2:text-is('Results')");
  assert.match(await page.textContent(".score"), /^You scored \d out of 3\.$/);
});

/**
 * A class link opened on a phone from a host that answers 404 for
 * `missing` (or the `fault` serve.mjs names: "html", a captive portal's
 * page; "truncated", half the file); the page, what it throws uncaught,
 * and `restore`, which serves `missing` again (the network is back).
 */
async function classLinkWithout(t, missing, fault = "404") {
  const port = await freePort();
  let server = await serve(DIST, port, { faults: { [missing]: fault } });
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 360, height: 740 } });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(server.url + CLASS_LINK);
  const restore = async () => {
    await server.close();
    server = await serve(DIST, port);
  };
  return { page, errors, restore };
}

test("results whose module cannot be fetched say so with Try again, and show once the network is back, nothing lost", async (t) => {
  const { page, errors, restore } = await classLinkWithout(t, lazyModules.find((path) => path.endsWith("/split_quiz.wasm")));
  for (const n of [1, 2, 3]) {
    await page.waitForSelector(`h2:text-is('Question ${n} of 3')`);
    await answerShown(page);
    await page.click(`text=${n < 3 ? "Next question" : "See results"}`);
  }
  await page.waitForSelector(".page-failed h2:text-is('Your results did not load')");
  assert.equal(await page.title(), "Quiz · Open Door", "the page is still the quiz");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Try again");
  assert.deepEqual(await violations(page), []);

  await restore();
  await page.keyboard.press("Enter");
  await page.waitForSelector("h2:text-is('Results')");
  assert.match(await page.textContent(".score"), /out of 3\./);
  assert.deepEqual(errors, [], "a module that did not arrive throws nothing uncaught");
});

test("after visiting only a class link, every route opens offline", async (t) => {
  const server = await serve(DIST);
  const context = await browser.newContext();
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const watcher = watch(page, server.url);
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector("h2:text-is('Question 1 of 3')");
  assert.equal(await installOutcome(page), "activated");

  await server.close();
  await context.setOffline(true);
  for (const [route, shown] of ROUTES) {
    await page.goto(server.url + route);
    await page.waitForSelector(shown);
    assert.equal(await page.locator(".page-failed").count(), 0, `${route} loaded its module from the cache`);
  }
  watcher.assertClean();
});

test("a page whose module arrives late shows a loading line, then the page, never a blank page", async (t) => {
  // Only the modules wait: the app starts at once, the page's code is slow.
  const delays = Object.fromEntries(lazyModules.map((path) => [path, 1500]));
  const server = await serve(DIST, 0, { delays });
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 360, height: 740 } });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const watcher = watch(page, server.url);
  await page.goto(server.url + "/learn");
  await page.waitForSelector("main .page-loading:text-is('Loading this page…')");
  assert.deepEqual(await violations(page), [], "the loading line is axe clean");
  await page.waitForSelector("h1:text-is('Learn')");
  assert.equal(await page.locator("main .page-loading").count(), 0, "the loading line is gone once the page is there");

  // Leaving the page before its "Try again" timer (10 s) runs out: the timer
  // finds the page gone and does nothing (it must not touch its signals).
  await page.click("header a.brand");
  await ready(page);
  await page.waitForTimeout(10000);
  assert.equal(await page.locator("main h1").count(), 1, "the home page is still there");
  watcher.assertClean();
});

test("a page whose module stalls says after 10 s that it is still trying, and shows the page when the module comes", async (t) => {
  // The page's own module stalls; the chunks of code it shares come at once.
  const delays = Object.fromEntries(lazyModules.filter((path) => /\/split_\w+\.wasm$/.test(path)).map((path) => [path, 14000]));
  const server = await serve(DIST, 0, { delays });
  const context = await browser.newContext({ serviceWorkers: "block" });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  await page.goto(server.url + "/about");
  // Not "did not load" with a Try again that would only join the download
  // under way (a walk on a stalled line): it says how things stand.
  await page.waitForSelector("main [role=status]:has-text('This is taking a long time')", { timeout: 13000 });
  assert.match(await page.textContent("main [role=status]"), /Open Door is still trying, and shows it as soon as it comes/);
  assert.equal(await page.locator(".page-failed").count(), 0, "nothing said to have failed while it is still coming");
  assert.deepEqual(await violations(page), [], "the slow line is axe clean");
  await page.waitForSelector("h1:text-is('About and privacy')", { timeout: 10000 });
  assert.equal(await page.locator("main [role=status]:has-text('This is taking a long time')").count(), 0);
});

// Not only a 404: a file cut short, or a portal's page in its place, loads
// without an error (a walk on a flaky network found the pages unstyled,
// with no Try again, until a reload).
for (const fault of ["404", "html", "truncated"]) {
  test(`a page whose styles cannot be fetched (${fault}) says so with Try again, and shows with them once they come`, async (t) => {
    const { page, errors, restore } = await classLinkWithout(t, PAGE_STYLES, fault);
    await page.waitForSelector("h2:text-is('Question 1 of 3')");
    await page.click("nav .menu-button");
    await page.click("nav a:text-is('Classroom')");
    await page.waitForSelector(".page-failed h1:text-is('This page did not load')");
    assert.equal(await page.locator("h1:text-is('Classroom')").count(), 0, "the page is not shown unstyled");
    // Nor is the page's message, with half a stylesheet.
    assert.equal(await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.endsWith("/pages.css") && !sheet.disabled)), false);

    await restore();
    await page.click(".page-failed button:text-is('Try again')");
    await page.waitForSelector("h1:text-is('Classroom')");
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".drop-zone")).borderTopStyle), "dashed", "the class results' drop zone is styled");
    assert.deepEqual(errors, [], "styles that did not arrive throw nothing uncaught");
  });
}

for (const scheme of ["light", "dark"]) {
  test(`a page whose module cannot be fetched says so with Try again, which loads it once the network is back (${scheme})`, async (t) => {
    const port = await freePort();
    let server = await serve(DIST, port);
    const context = await browser.newContext({ serviceWorkers: "block", colorScheme: scheme, viewport: { width: 360, height: 740 } });
    t.after(async () => { await context.close(); await server.close(); });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // Requests still failing: a page says it did not load at its first
    // failed part, while its other parts may still be on their way.
    let inFlight = 0;
    page.on("request", () => { inFlight += 1; });
    for (const settled of ["requestfinished", "requestfailed"]) page.on(settled, () => { inFlight -= 1; });
    await page.goto(server.url + "/");
    await ready(page);

    // The network drops before the student opens the Classroom page.
    await server.close();
    await page.click("nav .menu-button");
    await page.click("nav a:text-is('Classroom')");
    await page.waitForSelector(".page-failed h1:text-is('This page did not load')");
    // A download that stalls is joined by Try again: a reload is the way out.
    assert.match(await page.textContent(".page-failed"), /connection may have dropped\. .* reload the page once the connection is back\. Your quizzes and answers are kept/);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Try again", "focus is on the way out");
    assert.deepEqual(await violations(page), []);

    // The app itself kept running: a page whose module is already here still opens.
    await page.click("header a.brand");
    await ready(page);
    await page.goBack();
    await page.waitForSelector(".page-failed button:text-is('Try again')");
    assert.equal(await page.locator(".page-failed :text('tries')").count(), 0);
    // Try again with the network still down fails at once: it says so, or
    // the same words would look like a press that did nothing.
    await page.click(".page-failed button:text-is('Try again')");
    await page.waitForSelector(".page-failed p:text-is('Still not downloaded after 2 tries.')");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Try again", "focus is on the way out again");

    // The connection comes back once every request has failed, as it does
    // for a student, who reads the message first. On a loaded machine the
    // browser reported a part's refused connection after the server was
    // back (1 run in 80), and Try again, which takes a part still on its
    // way as it is, waited for that failure.
    for (const until = Date.now() + 10000; inFlight > 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
      assert.ok(Date.now() < until, `${inFlight} requests still on their way 10 s after the page said it did not load`);
    }
    server = await serve(DIST, port);
    // What the browser did after Try again, for a run that does not show
    // the page.
    const afterRetry = [];
    page.on("requestfailed", (request) => afterRetry.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on("console", (message) => afterRetry.push(`console ${message.type()}: ${message.text()}`));
    await page.focus(".page-failed button");
    await page.keyboard.press("Enter");
    await page.waitForSelector("h1:text-is('Classroom')").catch(async (error) => {
      const shown = (await page.textContent("main").catch(() => "(no main)")).slice(0, 300);
      throw new Error(`${error.message}\nthe page shows: ${shown}\n${afterRetry.join("\n")}`);
    });
    // The button that had the focus is gone: the content has it, not
    // nothing (found by a walk on a flaky network).
    await page.waitForFunction(() => document.activeElement?.id === "main", null, { timeout: 2000 });
    assert.deepEqual(errors, [], "a module that did not arrive throws nothing uncaught");
  });
}

test("a source page that cannot load, opened from a question's evidence, keeps its way back to the question", async (t) => {
  const { page, errors } = await classLinkWithout(t, lazyModules.find((path) => path.endsWith("/split_sources.wasm")));
  await answerShown(page);
  await page.click(".feedback a[href*='/sources/']");
  await page.waitForSelector(".page-failed h1:text-is('This page did not load')");
  assert.deepEqual(await violations(page), []);
  // An installed app has no Back button, and the menu's pages may not
  // load either: the link is the way out.
  await page.click(".page-failed a:text-is('Back to the question')");
  await page.waitForSelector("h2:text-is('Question 1 of 3')");
  assert.ok(await page.isVisible(".feedback"), "back on the question answered, its feedback shown");
  assert.deepEqual(errors, [], "a module that did not arrive throws nothing uncaught");
});

test("a source page whose code stalls, opened from a question's evidence, offers the way back once it says it is slow", async (t) => {
  // A line gone silent: the request neither fails nor answers (a walk found
  // the still-loading page a dead end in an installed app, with no Back).
  const sources = lazyModules.find((path) => path.endsWith("/split_sources.wasm"));
  const server = await serve(DIST, 0, { delays: { [sources]: 20000 } });
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 360, height: 740 } });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const watcher = watch(page, server.url);
  await page.goto(server.url + CLASS_LINK);
  await answerShown(page);
  await page.click(".feedback a[href*='/sources/']");
  await page.waitForSelector("main .page-loading");
  assert.equal(await page.isVisible("main a:text-is('Back to the question')"), false, "no way back offered while the page may just be coming");
  await page.waitForSelector("main [role=status]:has-text('This is taking a long time')", { timeout: 13000 });
  // Shown with those words, while the page is still coming (it would bring
  // a way back of its own, 10 s later), and in their live region, so that a
  // screen reader says it is there.
  assert.ok(await page.isVisible("main [role=status] a:text-is('Back to the question')"), "the way back is offered with the slow line");
  assert.equal(await page.locator("main h1").count(), 0, "the source page has not come");
  assert.deepEqual(await violations(page), []);
  await page.click("main a:text-is('Back to the question')", { timeout: 2000 });
  await page.waitForSelector("h2:text-is('Question 1 of 3')");
  assert.ok(await page.isVisible(".feedback"), "back on the question answered, its feedback shown");
  watcher.assertClean();
});
