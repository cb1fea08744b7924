// The Learn, Sources and Glossary lists, read as a student meets them: the
// joining explainer first, the texts oldest first, "Article 4" before
// "Article 10". The orders themselves are core rules (core/tests/ordering.rs);
// this walks the pages that show them.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshPage, ready, startApp } from "./helpers.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test("Learn starts with how a country joins, and its first card opens that explainer", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/learn");
  await ready(page);
  const titles = await page.locator("main ul.cards h2").allTextContents();
  assert.equal(titles[0], "How a country joins NATO");
  assert.equal(titles.length, 6);
  await page.locator("main ul.cards h2 a").first().click();
  await page.waitForFunction(() => location.pathname === "/learn/joining");
  assert.match(await page.textContent("main"), /Finland was invited at Madrid on 29 June 2022/);
  // Each explainer leads on to the next, as the Learn page orders them,
  // and lists only the sources it draws on (found by a reader's walk: every
  // page ended at its quiz button, and every page listed the treaty).
  for (const [at, title] of titles.entries()) {
    if (at > 0) {
      await page.click(`.next-explainer a:text-is("${title}")`);
      await page.waitForSelector(`main h1:text-is("${title}")`);
    }
    const cited = await page.locator(".cited li").evaluateAll((items) => items.map((li) => li.querySelector("a")?.getAttribute("href") ?? li.textContent));
    assert.ok(cited.length > 0 && cited.every((href) => href.startsWith("/sources/")), `${title}: each source a link to it: ${cited}`);
    assert.equal(new Set(cited).size, cited.length, `${title}: each source once: ${cited}`);
    assert.equal(await page.locator(".next-explainer").count(), at < titles.length - 1 ? 1 : 0, `${title}: the next explainer, if any`);
  }
  watcher.assertClean();
  await context.close();
});

test("Sources lists the treaty of 1949 first, then the news texts oldest first", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/sources");
  await ready(page);
  const hrefs = await page.locator("main ul.cards h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, ["/sources/treaty", "/sources/002", "/sources/003", "/sources/000", "/sources/001", "/sources/004"]);
  // A text that differs from the record says so on its own page, before a
  // quiz asks about it (found by a reader's walk: only the quiz's feedback did).
  await page.click('main a[href="/sources/002"]');
  await page.waitForSelector(".record-notes");
  assert.deepEqual(await page.locator(".record-notes li").allTextContents(), [
    "It says Finland and Sweden \"applied to join in April\"; they applied in May 2022.",
    "It speaks of \"NATO’s 30 members\": true in November 2022. Since then Finland joined on 4 April 2023, the 31st member, and Sweden on 7 March 2024, the 32nd.",
  ]);
  assert.ok((await page.textContent(".article-text")).includes("applied to join in April"), "what the note quotes is in the text");
  watcher.assertClean();
  await context.close();
});

test("the glossary lists Article 4, 5, 6 and then 10", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/glossary");
  await ready(page);
  const terms = await page.locator("main dl.glossary dt").allTextContents();
  const articles = terms.filter((term) => /^Article \d+$/.test(term));
  assert.deepEqual(articles, ["Article 4", "Article 5", "Article 6", "Article 10"]);
  watcher.assertClean();
  await context.close();
});

test("the treaty reads article by article, and a question's evidence shows under its article", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/sources/treaty?q=treaty-06");
  await ready(page);
  assert.deepEqual(await page.locator("main .article-text h2").allTextContents(), ["Article 4", "Article 5", "Article 6", "Article 10"]);
  await page.waitForSelector("mark#evidence:focus");
  // The quote stands in Article 5's second paragraph: the heading before
  // it (before the box of its paragraph and the way back) is Article 5's.
  const under = await page.$eval("mark#evidence", (mark) => {
    let at = mark.closest(".article-text > *");
    while (at && at.tagName !== "H2") at = at.previousElementSibling;
    return at?.textContent;
  });
  assert.equal(under, "Article 5");
  watcher.assertClean();
  await context.close();
});
