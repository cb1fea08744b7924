// The explainers' figures: each renders in its explainer with a caption and
// its facts as text; the enlargement map's year control works by keyboard
// and updates the count; the map drawn at build time shows exactly the
// members the table lists, year by year; axe is clean in both schemes and
// nothing overflows a 360 px phone; the maps are precached but never loaded
// by the quiz.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { parse } from "smol-toml";
import { freshPage, ready, startApp, violations, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const FOUNDERS = parse(readFileSync("content/figures/enlargement.toml", "utf8")).round[0].members;
const PAGES = { "enlargement-map": "joining", "accession-steps": "joining", "article-5-path": "article-5", "ukraine-road": "ukraine-road" };

async function open(page, explainer) {
  await page.goto(`${app.url}/learn/${explainer}`);
  await ready(page);
}

/** The map image as shown: loaded, and its members as the SVG draws them. */
async function shownMap(page) {
  await page.waitForFunction(() => {
    const img = document.querySelector("#enlargement-map img.map");
    return img.complete && img.naturalWidth > 0;
  });
  const { src, text } = await page.evaluate(async () => {
    const img = document.querySelector("#enlargement-map img.map");
    return { src: new URL(img.src).pathname, text: await (await fetch(img.src)).text() };
  });
  // Read here, not parsed in the page: the SVG's own <style> is not the
  // page's to apply, and the CSP would rightly refuse it.
  const names = (kind) => [...text.matchAll(new RegExp(`<path class="${kind}" data-member="([^"]+)"`, "g"))].map((m) => m[1]);
  const attribute = (name) => text.match(new RegExp(`<svg[^>]* ${name}="([^"]+)"`))?.[1];
  return {
    src,
    year: attribute("data-year"),
    count: Number(attribute("data-count")),
    joined: names("n"),
    earlier: names("m"),
    offMap: text.match(/data-off-map="([^"]+)"/)?.[1].split(";") ?? [],
    // What the picture says of them.
    offMapNote: text.match(/<text class="note"[^>]*>([^<]*)</)?.[1],
  };
}

test("each figure renders in its explainer with a caption, its steps and its sources", async () => {
  const { page, watcher, context } = await freshPage(app);
  for (const [figure, explainer] of Object.entries(PAGES)) {
    await open(page, explainer);
    const box = page.locator(`figure#${figure}`);
    await box.waitFor();
    assert.ok((await box.locator("figcaption").innerText()).length > 20, `${figure} has a caption`);
  }
  await open(page, "joining");
  assert.equal(await page.locator("#accession-steps .flow-steps > li").count(), 5);
  assert.equal(await page.locator("#accession-steps .flow-steps > li.delay .delay-badge").count(), 2, "invitation and ratification");
  const deposit = await page.locator("#accession-steps .flow-steps > li").nth(4).innerText();
  assert.match(deposit, /Finland: 4 April 2023/);
  assert.match(deposit, /Sweden: 7 March 2024/);
  await open(page, "article-5");
  assert.equal(await page.locator("#article-5-path .flow-steps > li").count(), 5);
  assert.match(await page.locator("#article-5-path .beside").innerText(), /Article 4/);
  assert.match(await page.locator("#article-5-path .invocation").innerText(), /12 September 2001/);
  await open(page, "ukraine-road");
  const events = page.locator("#ukraine-road .timeline-events > li");
  assert.ok((await events.count()) >= 8);
  assert.match(await events.first().innerText(), /3 April 2008/);
  assert.match(await events.last().innerText(), /July 2024/);
  // Every event names its source; an article source opens in the reader.
  for (const text of await events.allInnerTexts()) assert.match(text, /Sources?: /);
  await page.locator('#ukraine-road a[href="/sources/002"]').first().click();
  await page.waitForURL(/\/sources\/002$/);
  await ready(page);
  watcher.assertClean();
  await context.close();
});

test("the year control works by keyboard: the count, the countries and the map follow", async () => {
  const { page, watcher, context } = await freshPage(app);
  await open(page, "joining");
  const status = page.locator("#enlargement-map .year-status");
  assert.equal(await status.innerText(), "32 members in 2024. Joined in 2024: Sweden.");
  const slider = page.locator("#enlargement-year");
  await slider.focus();
  await page.keyboard.press("Home");
  assert.equal(await status.innerText(), "12 members in 1949. Joined in 1949: the twelve founding members.");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await status.innerText(), "16 members in 1982. Joined in 1982: Spain.");
  // The slider says its year; the status, once, the count and who joined.
  assert.equal(await slider.getAttribute("aria-valuetext"), "1982");
  let map = await shownMap(page);
  assert.equal(map.src, "/figures/enlargement-1982.svg");
  assert.equal(map.count, 16);
  assert.deepEqual(map.joined, ["Spain"]);
  // The steps come after the slider, "Earlier" then "Later": Tab on to
  // "Later" and press it; Shift+Tab back to "Earlier".
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Earlier");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Later");
  await page.keyboard.press("Enter");
  assert.equal(await status.innerText(), "19 members in 1999. Joined in 1999: Czech Republic, Hungary, Poland.");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Space");
  assert.equal(await status.innerText(), "15 members in 1955. Joined in 1955: West Germany.");
  map = await shownMap(page);
  assert.equal(map.year, "1955");
  assert.match(await page.locator("#enlargement-map .rounds tr.current").innerText(), /^1955\s+West Germany/);
  // Pressed on to the first year, "Earlier" keeps the focus (a disabled
  // button dropped it to the page) and says it goes no further.
  for (let i = 0; i < 4; i++) await page.keyboard.press("Enter");
  assert.match(await status.innerText(), /^12 members in 1949\./);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Earlier");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-disabled")), "true");
  watcher.assertClean();
  await context.close();
});

test("the table of who joined when is a tab stop only where it scrolls sideways", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await open(page, "joining");
  // On a phone the table fits: Tab goes from "Later" past it (found by a
  // walk: a stop that scrolled nothing). Narrowed and widened again, it is
  // checked each time.
  await page.setViewportSize({ width: 260, height: 740 });
  await page.waitForFunction(() => document.querySelector("#enlargement-map .table-scroll").getAttribute("tabindex") === "0");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForFunction(() => !document.querySelector("#enlargement-map .table-scroll").hasAttribute("tabindex"), null, { timeout: 3000 })
    .catch(() => assert.fail("the table that fits is no tab stop"));
  await page.focus("#enlargement-map button:text-is('Later')");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("table-scroll")), false);
  // Narrower (a phone with larger text), it scrolls, and a keyboard can.
  await page.setViewportSize({ width: 260, height: 740 });
  await page.waitForFunction(() => document.querySelector("#enlargement-map .table-scroll").getAttribute("tabindex") === "0", null, { timeout: 3000 })
    .catch(() => assert.fail("the scrolling table is a tab stop"));
  await page.focus("#enlargement-map button:text-is('Later')");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("table-scroll")), true);
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector("#enlargement-map .table-scroll").scrollLeft > 0);
  assert.deepEqual(await violations(page), []);
  // Widened while it has the focus, it keeps it (and its stop).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("table-scroll")), true);
  watcher.assertClean();
  await context.close();
});

test("the map shows exactly the members the table lists, round by round", async () => {
  const { page, watcher, context } = await freshPage(app);
  await open(page, "joining");
  const rows = await page.locator("#enlargement-map .rounds tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      year: tr.querySelector("th").textContent.slice(-4),
      members: tr.querySelector(".members").textContent.split(", "),
      after: Number(tr.querySelector("td:last-child").textContent),
    })),
  );
  assert.equal(rows.length, 11);
  assert.deepEqual(rows.map((r) => r.year), ["1949", "1952", "1955", "1982", "1999", "2004", "2009", "2017", "2020", "2023", "2024"]);
  const slider = page.locator("#enlargement-year");
  await slider.focus();
  await page.keyboard.press("Home");
  const sofar = [];
  for (const [i, row] of rows.entries()) {
    if (i > 0) await page.keyboard.press("ArrowRight");
    const map = await shownMap(page);
    // The founders are counted, not named (the reference does not name
    // them), in the table and in the picture's words; the map shades the
    // names the figure's file keeps for it.
    if (i === 0) {
      assert.deepEqual(row.members, ["the twelve founding members"]);
      assert.equal(map.offMapNote, "← 2 more members beyond this edge");
      row.members = FOUNDERS;
    }
    sofar.push(...row.members);
    assert.equal(map.year, row.year);
    assert.equal(map.count, row.after, `${row.year}: the map's count`);
    assert.equal(sofar.length, row.after, `${row.year}: the table's rows add up`);
    // Every member is drawn once (or named as off the map), and the year's
    // new members are the ones drawn as new.
    assert.deepEqual([...map.joined, ...map.earlier, ...map.offMap].sort(), [...sofar].sort(), `${row.year}: members drawn`);
    assert.deepEqual(map.joined.sort(), row.members.filter((m) => !map.offMap.includes(m)).sort(), `${row.year}: new members`);
    assert.match(await page.locator("#enlargement-map .year-status").innerText(), new RegExp(`^${row.after} members in ${row.year}\\.`));
  }
  // Finland's border with Russia is on the map.
  const map = await shownMap(page);
  assert.ok(map.joined.includes("Sweden") && map.earlier.includes("Finland"));
  const russia = await page.evaluate(async () => (await (await fetch("/figures/enlargement-2024.svg")).text()).includes(">Russia</text>"));
  assert.ok(russia, "Russia is labelled beside Finland");
  watcher.assertClean();
  await context.close();
});

for (const scheme of ["light", "dark"]) {
  test(`figures are axe-clean in the ${scheme} scheme and fit a 360 px phone`, async (t) => {
    const { page, watcher, context } = await freshPage(app, { colorScheme: scheme, viewport: { width: 360, height: 740 } });
    for (const explainer of new Set(Object.values(PAGES))) {
      await open(page, explainer);
      if (explainer === "joining") {
        await shownMap(page);
        // The year's two steps side by side, under the slider or beside it
        // (found by a student's walk: "Later" went alone under "Earlier").
        const [earlier, later] = [await page.locator("button:text-is('Earlier')").boundingBox(), await page.locator("button:text-is('Later')").boundingBox()];
        assert.ok(Math.abs(earlier.y - later.y) < 1 && later.x > earlier.x, `Earlier at ${earlier.x},${earlier.y} and Later at ${later.x},${later.y} side by side`);
      }
      assert.deepEqual(await violations(page), [], `${explainer} (${scheme})`);
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const over = [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > width + 0.5);
        return { overflow: document.documentElement.scrollWidth - width, over: over.slice(0, 5).map((e) => `${e.tagName}.${e.className}`) };
      });
      assert.equal(wide.overflow, 0, `${explainer} scrolls sideways at 360 px: ${wide.over.join(", ")}`);
      for (const figure of Object.keys(PAGES).filter((f) => PAGES[f] === explainer)) {
        const box = page.locator(`figure#${figure}`);
        await box.scrollIntoViewIfNeeded();
        const shot = `${process.env.SCREENSHOTS || "/tmp"}/figure-${figure}-${scheme}-360.png`;
        await box.screenshot({ path: shot });
        t.diagnostic(`screenshot: ${shot}`);
      }
    }
    watcher.assertClean();
    await context.close();
  });
}

test("each name written on the map lies on its own country, over no other country's shape, and a phone draws the names large enough to read", async () => {
  // The width a phone's explainer draws the map at: the map's own styles
  // (its media query) read that width, as they do opened on their own in
  // a window of it.
  const phone = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await phone.page.goto(`${app.url}/learn/joining`);
  await ready(phone.page);
  const phoneWidth = Math.round(await phone.page.$eval("img.map", (map) => map.getBoundingClientRect().width));
  await phone.context.close();
  assert.ok(phoneWidth < 400, `a phone draws the map at ${phoneWidth} px`);
  for (const width of [1024, phoneWidth]) {
    const { page, context } = await freshPage(app, { viewport: { width, height: 740 } });
    // Every round's map has the same shapes and names (only their fills
    // change): the last one is measured, opened on its own so that the
    // names are laid out in the fonts the image is drawn in.
    await page.goto(`${app.url}/figures/enlargement-2024.svg`);
    const { labels, noteSize, noteOverMembers } = await page.evaluate(() => {
      const shapes = [...document.querySelectorAll("svg > path")];
      const under = (point) => shapes.filter((shape) => shape.isPointInFill(point));
      const labels = [...document.querySelectorAll("text.label")].map((label) => {
        // From the name's own lines (it may be turned) to the map's.
        const toMap = document.querySelector("svg").getCTM().inverse().multiply(label.getCTM());
        const at = (x, y) => new DOMPoint(x, y).matrixTransform(toMap);
        const box = label.getBBox();
        const own = under(at(box.x + box.width / 2, box.y + box.height / 2));
        const others = new Set();
        for (const share of [0.25, 0.5, 0.75]) {
          for (let x = box.x; x <= box.x + box.width; x += 1) {
            for (const shape of under(at(x, box.y + box.height * share))) if (!own.includes(shape)) others.add(shape);
          }
        }
        return { name: label.textContent, onACountry: own.length === 1, overOthers: others.size, size: parseFloat(getComputedStyle(label).fontSize) };
      });
      // The note (no country's name) may cross plain land, but no member,
      // whose hatching it would be read through.
      const note = document.querySelector("text.note");
      const noteBox = note.getBBox();
      const members = new Set();
      for (let x = noteBox.x; x <= noteBox.x + noteBox.width; x += 1) {
        for (const share of [0.25, 0.5, 0.75]) {
          for (const shape of under(new DOMPoint(x, noteBox.y + noteBox.height * share))) if (shape.dataset.member) members.add(shape.dataset.member);
        }
      }
      return { labels, noteSize: parseFloat(getComputedStyle(note).fontSize), noteOverMembers: [...members] };
    });
    assert.deepEqual(labels.map((l) => l.name), ["Finland", "Russia"]);
    for (const { size, ...label } of labels) assert.deepEqual(label, { name: label.name, onACountry: true, overOthers: 0 }, `${width} px`);
    assert.deepEqual(noteOverMembers, [], `${width} px: the note crosses no member`);
    if (width === phoneWidth) {
      // In the map's units, drawn at phoneWidth of its 640: on screen, the
      // names at 10 px or more and the note at 12 or more (all were 8;
      // Finland's name is as large as stays within it).
      const onScreen = (size) => (size * phoneWidth) / 640;
      for (const label of labels) assert.ok(onScreen(label.size) >= 10, `${label.name}: ${onScreen(label.size)} px on a phone`);
      assert.ok(onScreen(noteSize) >= 12, `the note: ${onScreen(noteSize)} px on a phone`);
    }
    await context.close();
  }
});

test("the maps are precached for offline use but the quiz never loads them", async () => {
  const { page, watcher, context } = await freshPage(app);
  const requested = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${app.url}/quiz/play?ids=000-03&seed=2`);
  await page.waitForSelector("form.question");
  assert.deepEqual(requested.filter((path) => path.startsWith("/figures/")), [], "the quiz page asks for no map");
  // The service worker, once active, holds every round's map.
  const cached = await page.evaluate(async (years) => {
    await navigator.serviceWorker.ready;
    const found = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const year of years) if (await cache.match(`/figures/enlargement-${year}.svg`)) found.push(year);
    }
    return found;
  }, ["1949", "1982", "2024"]);
  assert.deepEqual(cached, ["1949", "1982", "2024"]);
  watcher.assertClean();
  await context.close();
});

test("under a sub-path (/open-door/) the map, its year control and the source links stay inside it", async (t) => {
  const BUILD = process.env.DIST_SUBPATH || "dist-open-door";
  if (!existsSync(`${BUILD}/index.html`)) {
    t.skip(`no sub-path build in ${BUILD}/ (make build-release makes one)`);
    return;
  }
  const BASE = "/open-door/";
  const server = await serve(BUILD, 0, { base: BASE, precompressed: true });
  const context = await app.browser.newContext();
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const watcher = watch(page, server.url);
  const failed = [];
  page.on("response", (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  await page.goto(`${server.url}${BASE}learn/joining`);
  await ready(page);
  await page.locator("#enlargement-year").focus();
  await page.keyboard.press("Home");
  const map = await shownMap(page);
  assert.equal(map.src, `${BASE}figures/enlargement-1949.svg`);
  assert.equal(map.count, 12);
  const outside = await page.evaluate((base) => [...document.querySelectorAll("figure a[href]")]
    .map((a) => new URL(a.href).pathname).filter((path) => !path.startsWith(base)), BASE);
  assert.deepEqual(outside, [], "figure links that leave the sub-path");
  assert.deepEqual(failed, []);
  watcher.assertClean();
});
