// Saved progress that is damaged, old, from a newer version, or that the
// browser will not store: the app always starts, says what happened and
// keeps what still reads.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { answerShown, freshPage, ready, startApp } from "./helpers.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

async function withSaved(raw) {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/about");
  await ready(page);
  await page.evaluate((value) => localStorage.setItem("open-door.progress", value), raw);
  await page.goto(app.url + "/");
  await ready(page);
  return { page, watcher, context };
}

test("damaged progress is reset with a notice and kept as a backup, which the About page lists with when it was kept", async () => {
  const { page, watcher, context } = await withSaved('{"version":1,"questions":{"000-01"');
  assert.match(await page.textContent("section.notice"), /damaged and could not be read/);
  assert.match(await page.textContent("section.notice"), /A copy of what could not be read was kept/);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("open-door.backup.")).map((k) => localStorage.getItem(k)));
  assert.deepEqual(backups, ['{"version":1,"questions":{"000-01"']);
  await page.click("text=Start a 10-question quiz");
  await page.waitForSelector("form.question legend");
  // The About page lists the copy with when it was kept.
  await page.goto(app.url + "/about");
  await ready(page);
  const year = String(new Date().getFullYear());
  assert.match(await page.textContent("main"), new RegExp(`A copy made \\d\\d/\\d\\d/${year}, [\\d:]+, 34 characters\\.`));
  watcher.assertClean();
  await context.close();
});

test("a damaged entry is dropped and the rest of the history kept", async () => {
  const saved = JSON.stringify({
    version: 1,
    questions: {
      "000-01": { seen: 2, correct: 0, review: { review_box: 1, due_day: 0 } },
      "000-02": { seen: "lots" },
    },
    best_by_topic: { joining: 80 },
    in_progress: null,
  });
  const { page, watcher, context } = await withSaved(saved);
  assert.match(await page.textContent("section.notice"), /1 damaged entry/);
  assert.match(await page.textContent("main"), /1 question you missed before is due for review today/);
  watcher.assertClean();
  await context.close();
});

test("progress from a newer version is left untouched", async () => {
  const newer = JSON.stringify({ version: 99, questions: {}, something_new: true });
  const { page, watcher, context } = await withSaved(newer);
  assert.match(await page.textContent("section.notice"), /newer version/);
  await page.goto(app.url + "/quiz/play?ids=000-01&seed=1");
  await page.waitForSelector("form.question");
  await answerShown(page);
  await page.waitForSelector(".feedback");
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.progress")), newer);
  watcher.assertClean();
  await context.close();
});

test("with storage blocked the app works in memory and says so", async () => {
  const { page, watcher, context } = await freshPage(app);
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
    });
  });
  await page.goto(app.url + "/");
  await ready(page);
  assert.match(await page.textContent("section.notice"), /will not be kept/);
  await page.click("text=Start a 10-question quiz");
  await page.waitForSelector("form.question");
  await answerShown(page);
  await page.waitForSelector(".feedback");
  watcher.assertClean();
  await context.close();
});

test("full storage: the quiz goes on in memory and the student is told", async () => {
  const { page, watcher, context } = await freshPage(app);
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "open-door.progress") throw new DOMException("Quota exceeded", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await page.goto(app.url + "/quiz/play?ids=000-01,000-02&seed=1");
  await page.waitForSelector("form.question");
  await answerShown(page);
  await page.waitForSelector(".feedback");
  assert.match(await page.textContent("section.notice"), /will not be kept if this tab is reloaded or closed\./);
  // A new version ready meanwhile (as public/register-sw.js announces it):
  // reloading would lose the answers, and the prompt says so rather than
  // "Your progress is kept" (found by a walk on a full device).
  await page.evaluate(() => dispatchEvent(new CustomEvent("open-door-update-ready")));
  await page.waitForSelector("text=Reload to update");
  assert.match(await page.textContent(".update-status"), /^A new version of Open Door is ready\. This browser is not saving your progress, so reloading loses it: finish and hand in first\./);
  await page.click("text=Next question");
  await page.waitForSelector("h2:text-is('Question 2 of 2')");
  watcher.assertClean();
  await context.close();
});

test("erase my data removes everything saved, and says so where a keyboard and a screen reader find it", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await page.goto(app.url + "/quiz/play?ids=000-01&seed=1");
  await page.waitForSelector("form.question");
  await answerShown(page);
  await page.waitForSelector(".feedback");
  await page.goto(app.url + "/about");
  await ready(page);
  // Asked first: no keeps everything.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.click("text=Erase my data on this device");
  assert.notEqual(await page.evaluate(() => localStorage.getItem("open-door.progress")), null);
  page.once("dialog", (dialog) => dialog.accept());
  await page.click("text=Erase my data on this device");
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.progress")), null);
  // Said where a screen reader reads it out (a live region there before
  // the words), with the focus on its button, in view: the notice above
  // the page had pushed the erase button off a phone's screen, and hiding
  // it left the focus on nothing (found by a student's walk).
  assert.match(await page.textContent("[role=status] .notice"), /was erased\./);
  await page.waitForFunction(() => document.activeElement?.textContent === "OK, hide this", null, { timeout: 2000 });
  // The notice's words are in view with it (brought into view alone, the
  // button stood at the screen's top, the words above it: a later walk).
  const notice = await page.locator(".notice").boundingBox();
  const button = await page.locator(".notice button").boundingBox();
  assert.ok(notice.y >= 0 && button.y + button.height <= (await page.evaluate(() => innerHeight)), `the notice, words and button, is in view (top ${notice.y}, button's foot ${button.y + button.height})`);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".notice", { state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  watcher.assertClean();
  await context.close();
});
