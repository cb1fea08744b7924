// A whole lesson as a student lives it: start a class link, leave it by the
// evidence, the glossary or the menu, come back by Back, by the link or by a
// reload, finish, look again, hand in. Nothing may be lost on the way.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { answerShown, eraseMyData, freshPage, ready, startApp, startTheClock, violations } from "./helpers.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("open-door.progress")));
const heading = (page, n, total) => page.waitForSelector(`h2:text-is("Question ${n} of ${total}")`);
const answeredIn = (progress) =>
  Object.values(progress.quizzes).reduce((n, q) => n + q.responses.filter((r) => r !== null).length, 0);

test("answer two, read the evidence, Back, reload, finish: every answer counts", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  const link = app.url + "/quiz/play?topics=article-5&count=4&seed=5&mode=practice";
  await page.goto(link);
  await heading(page, 1, 4);
  await answerShown(page);
  await page.click("text=Next question");
  await heading(page, 2, 4);
  await answerShown(page);
  await page.waitForSelector(".feedback");
  // The feedback invites the student to read the evidence: follow it.
  await page.click(".feedback cite a");
  await page.waitForSelector("#evidence");
  await page.goBack();
  await heading(page, 2, 4);
  assert.equal(await page.locator(".feedback").count(), 1, "the answer given is still shown");
  // Focus, lost with the source page, is in the quiz again (a keyboard's
  // next Tab, a screen reader's reading, go on from there).
  await page.waitForFunction(() => document.activeElement.closest("main") !== null, null, { timeout: 2000 });
  // An installed app has no Back button: the source page links back, on a
  // phone right where it opens, after the evidence.
  await page.click(".feedback cite a");
  await page.waitForSelector("#evidence");
  await page.waitForTimeout(100); // the scroll to the evidence, one frame later
  const back = await page.locator(".evidence-back a:text-is('Back to the question')").boundingBox();
  assert.ok(back.y >= 0 && back.y + back.height <= 740, `the link back is on screen (top ${back.y})`);
  assert.ok(back.height >= 44, `the link back is a thumb's size, as a button is (${back.height} px tall)`);
  const entries = () => page.evaluate(() => history.length);
  const entriesOnSource = await entries();
  await page.mouse.click(back.x + back.width / 2, back.y + back.height / 2);
  await heading(page, 2, 4);
  assert.equal(await page.locator(".feedback").count(), 1, "the answer given is still shown");
  // The link went back as Back does (found by a student's walk: it added
  // an entry, and the phone's Back then opened the source page again).
  assert.equal(await entries(), entriesOnSource, "no history entry added by the link back");
  await page.goForward();
  await page.waitForSelector("#evidence");
  await page.goBack();
  await heading(page, 2, 4);
  // The menu (folded behind its button on a phone), then Back again; then a reload.
  await page.click(".menu-button");
  await page.click("nav >> text=Learn");
  await ready(page);
  await page.goBack();
  await heading(page, 2, 4);
  // Forward to a page that sets no focus of its own: its content has it.
  await page.goForward();
  await ready(page);
  await page.waitForFunction(() => document.activeElement.id === "main", null, { timeout: 2000 });
  await page.goBack();
  await heading(page, 2, 4);
  await page.reload();
  await heading(page, 2, 4);
  await page.click("text=Next question");
  for (const n of [3, 4]) {
    await heading(page, n, 4);
    await answerShown(page);
    await page.click(`button:text-is("${n === 4 ? "See results" : "Next question"}")`);
  }
  await page.waitForSelector("text=Results");
  assert.match(await page.textContent(".score"), /You scored \d out of 4\./);
  await page.uncheck("#only-mistakes").catch(() => {});
  assert.doesNotMatch(await page.textContent(".review"), /not answered/, "all four answers count");
  assert.equal(answeredIn(await saved(page)), 4);
  watcher.assertClean();
  await context.close();
});

test("the home page, loaded afresh, gives a finished quiz's score as its results did", async () => {
  // A fresh load of the home page has no question's answers (they come with
  // the questions' details, not with the app): it counted every answer
  // wrong, "0 of 2 right" (found by a keyboard walk).
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?ids=000-10,000-02&seed=1&mode=test");
  for (const [n, answer] of [[1, "False"], [2, "Any member state"]]) {
    await heading(page, n, 2);
    await page.locator("form.question label", { hasText: answer }).click();
    await page.click("form.question button[type=submit]");
  }
  await page.waitForSelector("text=Results");
  assert.equal(await page.textContent(".score"), "You scored 2 out of 2.");
  await page.goto(app.url + "/");
  await ready(page);
  await page.waitForSelector(".finished-list li:has-text('right')");
  assert.match(await page.textContent(".finished-list li"), / 2 of 2 right$/);
  // Nothing said of a pack's hidden quiz, and no room kept for it.
  assert.equal(await page.locator(".hidden-quizzes").evaluate((note) => getComputedStyle(note).display), "none");
  watcher.assertClean();
  await context.close();
});

test("finished results stay at their URL after an evidence link, Back and a reload, until taken again", async () => {
  const { page, watcher, context } = await freshPage(app);
  const link = app.url + "/quiz/play?topics=joining&count=3&seed=9&mode=test";
  await page.goto(link);
  for (const n of [1, 2, 3]) {
    await heading(page, n, 3);
    await answerShown(page);
  }
  await page.waitForSelector("text=Results");
  const score = await page.textContent(".score");
  const code = await page.textContent(".result-code");
  assert.equal(await page.evaluate(() => document.activeElement.id), "results-heading", "finishing moves focus to the results");
  await page.uncheck("#only-mistakes").catch(() => {});
  const evidence = page.locator(".review-item cite a").last();
  await evidence.scrollIntoViewIfNeeded();
  const readingAt = await page.evaluate(() => window.scrollY);
  assert.ok(readingAt > 0);
  const reviewed = await evidence.evaluate((a) => a.closest(".review-item").id);
  await evidence.click();
  await page.waitForSelector("#evidence");
  assert.equal(await page.textContent(".hint a"), "Back to your results");
  await page.goBack();
  await page.waitForSelector("text=Results");
  assert.equal(await page.textContent(".score"), score);
  await page.waitForFunction((y) => window.scrollY === y, readingAt, { timeout: 2000 });
  // The question read has the focus, where it was (it was the page's
  // content, and the next Tab went to the top: found by a student's walk).
  await page.waitForFunction((id) => document.activeElement?.id === id, reviewed, { timeout: 2000 });
  assert.equal(await page.evaluate(() => window.scrollY), readingAt);
  assert.equal(await page.textContent(".result-code"), code, "the hand-in code is the same");
  // Still the result of the student who finished it: a test's result may be
  // on a tablet the class shares, but not asked about before a reload.
  assert.equal(await page.locator("text=Not your result?").count(), 0, "back from the evidence, the result is still the student's own");
  assert.equal(await page.locator("button:text-is('New attempt for the next student')").count(), 1);
  // The source page's own link back (an installed app has no Back button)
  // comes back to the question the student was reading, not to the top:
  // also from a reloaded source page, where the results' part comes late.
  for (const reloadSource of [false, true]) {
    await evidence.click();
    await page.waitForSelector("#evidence");
    if (reloadSource) {
      await page.reload();
      await page.waitForSelector("#evidence");
    }
    assert.ok((await page.getAttribute(".hint a", "href")).endsWith(`#${reviewed}`), "opened in a new tab, it leads to the question read");
    const entries = await page.evaluate(() => history.length);
    await page.click(".hint a");
    await page.waitForSelector(".score");
    // It went back, as Back does: a new history entry would have the
    // phone's Back open the evidence again.
    assert.equal(await page.evaluate(() => history.length), entries, `no history entry added (reloaded source: ${reloadSource})`);
    await page.waitForFunction((id) => document.activeElement?.id === id, reviewed, { timeout: 2000 });
    const item = await page.locator(`#${reviewed}`).boundingBox();
    const height = await page.evaluate(() => innerHeight);
    assert.ok(item.y >= 0 && item.y < height / 2, `back at the question read (top ${item.y}; reloaded source: ${reloadSource})`);
  }
  // Another question's evidence, then Back: where the student was, not
  // the question read before.
  const other = page.locator(".review-item cite a").first();
  await other.scrollIntoViewIfNeeded();
  const otherAt = await page.evaluate(() => window.scrollY);
  await other.click();
  await page.waitForSelector("#evidence");
  await page.goBack();
  await page.waitForSelector("text=Results");
  await page.waitForFunction((y) => window.scrollY === y, otherAt, { timeout: 2000 });
  assert.equal(await page.textContent(".result-code"), code);
  await page.reload();
  await page.waitForSelector("text=Results");
  assert.equal(await page.textContent(".result-code"), code);
  // Reloaded, the page may be in the next student's hands.
  assert.equal(await page.locator(".next-student").count(), 1);
  assert.equal(await page.locator("button:text-is('New attempt for the next student')").count(), 0);
  // The home page does not offer a finished quiz as unfinished.
  await page.goto(app.url + "/");
  await ready(page);
  assert.equal(await page.locator(".resume-list").count(), 0);
  // It lists it as a result, which opens again with its code, for a
  // student who must download the file again and has no link (found by a
  // walk through a second lesson).
  assert.equal(await page.locator(".finished-list li").count(), 1);
  assert.match(await page.textContent(".finished-list li"), / \d+ of \d+ right$/);
  await page.click(".finished-list a");
  await page.waitForSelector(".result-code");
  assert.equal(await page.textContent(".result-code"), code);
  await page.goto(link);
  await page.waitForSelector("text=Results");
  // Asked first, since the result and its code are replaced: no keeps them.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.click("text=Take it again");
  assert.equal(await page.textContent(".result-code"), code);
  page.once("dialog", (dialog) => dialog.accept());
  await page.click("text=Take it again");
  await heading(page, 1, 3);
  watcher.assertClean();
  await context.close();
});

test("the review shown whole stays whole after a right answer's evidence, Back and a reload, and opens whole at that answer from another tab; taken again, it opens on the mistakes", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  const link = app.url + "/quiz/play?topics=joining&count=4&seed=6&mode=test";
  await page.goto(link);
  for (const n of [1, 2, 3, 4]) {
    await heading(page, n, 4);
    await answerShown(page);
  }
  await page.waitForSelector("text=Results");
  // A result with a mistake opens on the mistakes alone, and its box says
  // how many of the questions it shows.
  assert.ok(await page.isChecked("#only-mistakes"));
  const mistakes = await page.locator(".review-item:has(h3 :text('(missed)'))").count();
  assert.equal(await page.textContent("label[for=only-mistakes]"), `Only my mistakes (${mistakes} of 4)`);
  assert.equal(await page.locator(".review-item:visible").count(), mistakes);
  const right = page.locator(".review-item:has(h3 :text('(right)'))").first();
  assert.ok(await right.count(), "this quiz has a right answer to look back at");
  assert.ok(await right.isHidden());
  // The student shows every question and reads a right answer's evidence.
  await page.uncheck("#only-mistakes");
  const prompt = await right.locator("h3").textContent();
  const evidence = right.locator("cite a");
  await evidence.scrollIntoViewIfNeeded();
  const readingAt = await page.evaluate(() => window.scrollY);
  assert.ok(readingAt > 0, "the student had scrolled down to it");
  await evidence.click();
  await page.waitForSelector("#evidence");
  await page.goBack();
  await page.waitForSelector("text=Results");
  assert.equal(await page.isChecked("#only-mistakes"), false, "the review is still whole after Back");
  assert.ok(await right.isVisible(), `"${prompt}" is still shown`);
  await page.waitForFunction((y) => window.scrollY === y, readingAt, { timeout: 2000 });
  // The question read has the focus, and the scroll stays where it was
  // (here the question's top is above the screen: kept in the address, it
  // had Chrome scroll to that top instead).
  const rightId = await right.evaluate((item) => item.id);
  await page.waitForFunction((id) => document.activeElement?.id === id, rightId, { timeout: 2000 });
  assert.equal(await page.evaluate(() => window.scrollY), readingAt);
  await page.reload();
  await page.waitForSelector("text=Results");
  assert.equal(await page.isChecked("#only-mistakes"), false, "and after a reload");
  // In a tab of its own, which does not share what this tab keeps, the
  // right answer's evidence links back to its entry, shown and focused,
  // though a result with mistakes opens on them alone there.
  const entry = await right.evaluate((item) => item.id);
  const tab = await context.newPage();
  await tab.goto(new URL(await evidence.getAttribute("href"), app.url).href);
  await tab.waitForSelector("#evidence");
  await tab.click(".hint a");
  await tab.waitForSelector("text=Results");
  await tab.waitForFunction((id) => document.activeElement?.id === id, entry, { timeout: 2000 });
  assert.ok(await tab.isVisible(`#${entry}`), `"${prompt}" is shown in the other tab`);
  assert.equal(await tab.isChecked("#only-mistakes"), false, "the review is whole there");
  await tab.close();
  // Another attempt is another result: its review opens on its mistakes.
  page.once("dialog", (dialog) => dialog.accept());
  await page.click("text=Take it again");
  for (const n of [1, 2, 3, 4]) {
    await heading(page, n, 4);
    await answerShown(page);
  }
  await page.waitForSelector("text=Results");
  // The same answers to the same questions: the same mistakes.
  assert.ok(await page.isChecked("#only-mistakes"), "a new result opens on its mistakes");
  watcher.assertClean();
  await context.close();
});

test("two class links started in turn are both resumable, newest first", async () => {
  const { page, watcher, context } = await freshPage(app);
  const first = app.url + "/quiz/play?topics=ukraine-road&count=5&seed=1&mode=practice";
  const second = app.url + "/quiz/play?topics=finland-sweden&count=5&seed=2&mode=practice";
  await page.goto(first);
  await heading(page, 1, 5);
  await answerShown(page);
  await page.click("text=Next question");
  await heading(page, 2, 5);
  await page.goto(second);
  await heading(page, 1, 5);
  await answerShown(page);
  await page.waitForSelector(".feedback");
  // A link opened but never answered is not offered.
  await page.goto(app.url + "/quiz/play?topics=coverage&count=5&seed=3&mode=practice");
  await heading(page, 1, 5);
  await page.goto(app.url + "/");
  await ready(page);
  const offered = await page.locator(".resume-list li").allTextContents();
  assert.equal(offered.length, 2, offered.join(" | "));
  assert.match(offered[0], /Finland and Sweden.*1 of 5 answered/);
  assert.match(offered[1], /Ukraine's road to NATO.*1 of 5 answered/);
  // The latest comes first of the page's buttons, on a phone's first screen too.
  assert.deepEqual(await page.locator("main .actions a").allTextContents(), [offered[0].replace(/ 1 of 5 answered$/, ""), "Start a 10-question quiz", "Read the explainers"]);
  assert.deepEqual(await page.locator("main .actions a.primary").allTextContents(), [offered[0].replace(/ 1 of 5 answered$/, "")], "resuming is the main action, not a new quiz");
  await page.setViewportSize({ width: 360, height: 740 });
  const resume = await page.locator("main .actions a.primary").boundingBox();
  assert.ok(resume.y + resume.height <= 740, `the way back to the quiz is on a phone's first screen (bottom ${resume.y + resume.height})`);
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.click(".resume-list li >> nth=1 >> a");
  await heading(page, 2, 5);
  // Mid-quiz, the menu's "Quiz" leads to the set-up, which offers them too.
  await page.click("nav >> text=Quiz");
  await ready(page);
  assert.deepEqual(await page.locator(".resume-list li").allTextContents(), offered);
  await page.click(".resume-list li >> nth=1 >> a");
  await heading(page, 2, 5);
  watcher.assertClean();
  await context.close();
});

test("the one-click quiz fixes its seed in the URL, so Back and reload find the same quiz", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/");
  await ready(page);
  await page.click("text=Start a 10-question quiz");
  await heading(page, 1, 10);
  await page.waitForURL(/seed=\d+/);
  const url = page.url();
  const prompt = await page.textContent("form.question legend");
  await answerShown(page);
  await page.click("text=Next question");
  await heading(page, 2, 10);
  await page.click("nav >> text=Sources");
  await ready(page);
  await page.goBack();
  await heading(page, 2, 10);
  assert.equal(page.url(), url);
  await page.reload();
  await heading(page, 2, 10);
  await page.goto(url);
  await heading(page, 2, 10);
  const seed = new URL(url).searchParams.get("seed");
  assert.equal((await saved(page)).quizzes[`count=10&seed=${seed}&mode=practice`].items.length, 10);
  // A second click on the home page's button starts another quiz.
  await page.goto(app.url + "/");
  await ready(page);
  await page.click("text=Start a 10-question quiz");
  await heading(page, 1, 10);
  await page.waitForURL(/seed=\d+/);
  assert.notEqual(page.url(), url);
  assert.ok(prompt.length > 0);
  watcher.assertClean();
  await context.close();
});

test("a test whose time runs out on its first question, by keyboard, puts the focus on the results", async () => {
  // Nothing answered yet, so the results waited for the other questions'
  // words and their own module before they were drawn (found by a
  // keyboard-only walk: the focus fell to the page, and the next Tab
  // went to the footer).
  const { page, watcher, context } = await freshPage(app);
  await page.clock.install();
  await page.goto(app.url + "/quiz/play?ids=000-01,000-03,001-02&seed=1&mode=test&minutes=1");
  await page.focus("button:text-is('Start the quiz')");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.matches(".question-heading"));
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.clock.fastForward("01:02");
  await page.waitForSelector(".timed-out");
  await page.waitForFunction(() => document.activeElement?.id === "results-heading", null, { timeout: 3000 });
  // The focused heading is described by the score and by why the quiz
  // ended: nothing said that the time had run out (a keyboard walk).
  const description = await page.evaluate(() =>
    (document.activeElement.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent).join(" "));
  assert.match(description, /^You scored [01] out of 2\. The time ran out: 1 question was not answered\.$/);
  watcher.assertClean();
  await context.close();
});

test("a timed test keeps the time in view, warns at one minute, and says what ran out", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 640 } });
  await page.clock.install();
  await page.goto(app.url + "/quiz/play?topics=article-5&count=4&seed=3&mode=test&minutes=2");
  await startTheClock(page);
  await heading(page, 1, 4);
  await answerShown(page);
  await heading(page, 2, 4);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".time-left")).position), "sticky");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const box = await page.locator(".time-left").boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 640, "the time left is on screen after scrolling");
  await page.clock.fastForward("01:05");
  await page.waitForSelector("[role=status]:text-is('One minute left.')", { state: "attached" });
  // Said once: the next question, in the last minute too, does not say it again.
  await answerShown(page);
  await heading(page, 3, 4);
  const shownLeft = await page.textContent(".time-left");
  await page.clock.fastForward("00:02");
  await page.waitForFunction((text) => document.querySelector(".time-left").textContent !== text, shownLeft); // the clock ticked
  assert.equal(await page.locator("[role=status]:text-is('One minute left.')").count(), 0, "the warning is not repeated");
  await page.clock.fastForward("01:00");
  await page.waitForSelector("text=Results");
  assert.match(await page.textContent(".timed-out"), /The time ran out: 2 questions were not answered\./);
  // Taking it again starts the clock at once: the question says so.
  const asked = new Promise((resolve) => page.once("dialog", (dialog) => { resolve(dialog.message()); dialog.dismiss(); }));
  await page.click("text=Take it again");
  assert.match(await asked, /The 2-minute clock starts again as soon as you press OK\.$/);
  watcher.assertClean();
  await context.close();
});

test("what is ticked and not yet saved comes back after leaving and a reload, and counts when the time runs out while away", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await page.clock.install();
  // A test of an ordering question and two others: nothing is saved until
  // "Save answer", and the student looks something up on the way.
  await page.goto(app.url + "/quiz/play?ids=treaty-08,000-01,000-09&seed=3&mode=test&minutes=5&title=8C");
  await startTheClock(page);
  /** What the question on screen shows as picked: the ticked choice or the order. */
  const shown = () => page.evaluate(() => {
    const inputs = [...document.querySelectorAll("form.question input")];
    return inputs.length
      ? inputs.filter((input) => input.checked).map((input) => document.querySelector(`label[for="${input.id}"]`).textContent.trim())
      : [...document.querySelectorAll(".order-text")].map((item) => item.textContent);
  });
  /** Picks something other than the first choice, or moves the first item down. */
  const pickSomething = async () => {
    if (await page.locator("form.question input").count()) await page.locator("form.question input").nth(1).check();
    else await page.click(".order-list li:first-child .order-buttons button:text-is('↓')");
  };
  for (const n of [1, 2]) {
    await heading(page, n, 3);
    await pickSomething();
    const picked = await shown();
    // To the glossary by the menu and Back; then a reload (a phone that
    // dropped the tab): still picked, not saved.
    await page.goto(app.url + "/glossary");
    await ready(page);
    await page.goBack();
    await heading(page, n, 3);
    assert.deepEqual(await shown(), picked, `question ${n} after Back`);
    await page.reload();
    await heading(page, n, 3);
    assert.deepEqual(await shown(), picked, `question ${n} after a reload`);
    await page.click("form.question button[type=submit]");
  }
  // The third ticked, then away while the time runs out.
  await heading(page, 3, 3);
  await pickSomething();
  await page.goto(app.url + "/learn");
  await ready(page);
  await page.clock.fastForward("06:00");
  await page.goBack();
  await page.waitForSelector("text=Results");
  assert.equal(await page.textContent(".timed-out"), "The time ran out.", "the answer ticked when it ran out counts");
  assert.equal(await page.locator(".review-item").count(), 3);
  assert.equal((await page.locator(".review-item p:has-text('Your answer: not answered')").count()), 0);
  watcher.assertClean();
  await context.close();
});

test("a timed test opened early waits for Start: its clock starts then, not when the link was opened", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await page.clock.install();
  const link = app.url + "/quiz/play?ids=000-01,000-09,000-15&seed=3&mode=test&minutes=10&title=8C%3A%20Article%205";
  // Scanned while the teacher is still explaining, then left for a day.
  await page.goto(link);
  await page.waitForSelector("button:text-is('Start the quiz')");
  // The teacher's title is the page's heading, once: the summary gives the rest.
  assert.equal(await page.textContent("main h1"), "8C: Article 5");
  assert.equal(await page.textContent(".start-quiz .quiz-summary"), "3 questions, a test with a 10-minute time limit.");
  assert.equal(await page.locator("form.question, .time-left").count(), 0, "no question and no clock before Start");
  assert.deepEqual(await violations(page), []);
  await page.clock.fastForward("20:00:00");
  await page.reload();
  await page.waitForSelector("button:text-is('Start the quiz')");
  assert.equal(await page.locator(".resume-list").count(), 0);
  // Started by keyboard: the clock runs from here, the question takes focus.
  await page.focus("button:text-is('Start the quiz')");
  await page.keyboard.press("Enter");
  await heading(page, 1, 3);
  assert.match(await page.textContent(".time-left"), /^Time left: (10:00|9:5\d)$/);
  await page.waitForFunction(() => document.activeElement?.classList.contains("question-heading"));
  // Once started, a reload resumes the running clock instead of asking again.
  await answerShown(page);
  await page.reload();
  await heading(page, 2, 3);
  assert.equal(await page.locator("button:text-is('Start the quiz')").count(), 0);
  // Left, and away past the time limit with the home page open: it leads
  // to the results as the time runs out, and says why; after a reload too.
  await page.goto(app.url + "/");
  await ready(page);
  assert.deepEqual(await page.locator(".resume-list li").allTextContents(), ["Resume: 8C: Article 5 1 of 3 answered"]);
  await page.clock.fastForward("11:00");
  await page.waitForSelector(".resume-list li:has-text('See the results')", { timeout: 5000 });
  assert.deepEqual(await page.locator(".resume-list li").allTextContents(), ["See the results: 8C: Article 5 the time is up"]);
  assert.equal(await page.textContent("main .actions a.primary"), "See the results: 8C: Article 5");
  await page.reload();
  await ready(page);
  assert.deepEqual(await page.locator(".resume-list li").allTextContents(), ["See the results: 8C: Article 5 the time is up"]);
  await page.click(".resume-list a");
  await page.waitForSelector(".timed-out");
  watcher.assertClean();
  await context.close();
});

test("a tick taken back in a second tab stays taken back", async () => {
  const { page, watcher, context } = await freshPage(app);
  const link = app.url + "/quiz/play?ids=000-03&seed=5&mode=practice";
  const boxes = (tab) => tab.locator("form.question input");
  await page.goto(link);
  await boxes(page).nth(0).check();
  await boxes(page).nth(1).check();
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForSelector("form.question");
  const ticked = (tab) => boxes(tab).evaluateAll((inputs) => inputs.filter((input) => input.checked).length);
  assert.equal(await ticked(other), 2, "the second tab shows the first one's ticks");
  // Unticked one by one; the first tab hears each save in between.
  await boxes(other).nth(0).uncheck();
  await boxes(other).nth(1).uncheck();
  await other.waitForTimeout(300);
  await other.reload();
  await other.waitForSelector("form.question");
  assert.equal(await ticked(other), 0, "the older ticks did not come back");
  watcher.assertClean();
  await context.close();
});

test("two tabs answering in turn lose no answer", async () => {
  const { page, watcher, context } = await freshPage(app);
  const other = await context.newPage();
  const first = app.url + "/quiz/play?topics=article-5&count=5&seed=21&mode=practice";
  const second = app.url + "/quiz/play?topics=joining&count=5&seed=22&mode=practice";
  await page.goto(first);
  await other.goto(second);
  for (let n = 1; n <= 5; n++) {
    for (const tab of [page, other]) {
      await heading(tab, n, 5);
      await answerShown(tab);
      await tab.click(`button:text-is("${n === 5 ? "See results" : "Next question"}")`);
    }
  }
  await page.waitForSelector("text=Results");
  await other.waitForSelector("text=Results");
  const progress = await saved(page);
  assert.equal(answeredIn(progress), 10, "ten answers given, ten recorded");
  assert.equal(Object.values(progress.questions).reduce((n, q) => n + q.seen, 0), 10);
  // The same quiz in both tabs: each shows the other's answers.
  const same = app.url + "/quiz/play?topics=coverage&count=4&seed=23&mode=practice";
  await page.goto(same);
  await other.goto(same);
  for (let n = 1; n <= 4; n++) {
    const tab = n % 2 ? page : other;
    await heading(tab, n, 4);
    await answerShown(tab);
    await tab.click(`button:text-is("${n === 4 ? "See results" : "Next question"}")`);
  }
  await page.waitForSelector("text=Results");
  await other.waitForSelector("text=Results");
  const quiz = (await saved(page)).quizzes["topics=coverage&count=4&seed=23&mode=practice"];
  assert.equal(quiz.responses.filter((r) => r !== null).length, 4, "four given, four recorded");
  watcher.assertClean();
  await context.close();
});

test("a saved quiz pointing past its last question resumes instead of freezing", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?topics=article-5&count=3&seed=4&mode=practice");
  await heading(page, 1, 3);
  await answerShown(page);
  await page.waitForSelector(".feedback");
  await page.evaluate(() => {
    const progress = JSON.parse(localStorage.getItem("open-door.progress"));
    for (const quiz of Object.values(progress.quizzes)) quiz.current = 999;
    localStorage.setItem("open-door.progress", JSON.stringify(progress));
  });
  await page.goto(app.url + "/");
  await ready(page);
  await page.click(".resume-list a");
  await heading(page, 3, 3);
  await page.click("nav >> text=Learn");
  await ready(page);
  assert.match(await page.textContent("main h1"), /Learn|explainers/i);
  watcher.assertClean();
  await context.close();
});

test("with storage full, a backup that cannot be written is never announced and erasing still works", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/about");
  await ready(page);
  const damaged = '{"version":2,"questions":{"000-01"' + " ".repeat(150_000);
  await page.evaluate((raw) => {
    localStorage.setItem("open-door.progress", raw);
    // Fill the rest of the quota.
    let chunk = "x".repeat(1 << 20);
    for (let i = 0; chunk.length > 0; ) {
      try { localStorage.setItem("filler-" + i++, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  }, damaged);
  await page.goto(app.url + "/");
  await ready(page);
  const notice = await page.textContent("section.notice");
  assert.doesNotMatch(notice, /A copy of what could not be read was kept/);
  assert.match(notice, /no room on this device to keep a copy/);
  await page.goto(app.url + "/quiz/play?topics=article-5&count=2&seed=1&mode=practice");
  await heading(page, 1, 2);
  await answerShown(page);
  await page.waitForSelector(".feedback");
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.progress")), damaged, "the damaged save is not overwritten");
  await eraseMyData(page, app.url);
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.progress")), null);
  watcher.assertClean();
  await context.close();
});

test("a tablet handed straight on after a class's test: the next student starts afresh, with no name of the student before", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const takeTheQuiz = async () => {
    for (const n of [1, 2]) {
      await heading(page, n, 2);
      await answerShown(page);
    }
    await page.waitForSelector(".result-code");
  };
  await page.goto(app.url + "/quiz/play?ids=000-02,000-04&seed=3&mode=test");
  await takeTheQuiz();
  await page.fill("#hand-in-name", "Lena");
  await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
  // Ben is handed the tablet as it is, Lena's result on it.
  page.once("dialog", (dialog) => {
    assert.match(dialog.message(), /^Start a new attempt for the next student\? The result on screen is removed from this device, so download it first/);
    dialog.accept();
  });
  await page.click("text=New attempt for the next student");
  await heading(page, 1, 2);
  await page.waitForFunction(() => document.activeElement.classList.contains("question-heading"), null, { timeout: 2000 });
  await takeTheQuiz();
  assert.equal(await page.inputValue("#hand-in-name"), "", "Lena's name is not on Ben's result");
  watcher.assertClean();
  await context.close();

  // A practice quiz of one's own, with no name kept, has no such button.
  const own = await freshPage(app);
  await own.page.goto(app.url + "/quiz/play?ids=000-02&seed=3&mode=practice");
  await heading(own.page, 1, 1);
  await answerShown(own.page);
  await own.page.click("text=See results");
  await own.page.waitForSelector("text=Take it again");
  assert.equal(await own.page.locator("text=New attempt for the next student").count(), 0);
  own.watcher.assertClean();
  await own.context.close();
});

test("on a shared computer each result keeps its own student's name: the next student's quiz is not handed in under the last one's", async () => {
  // Found by a walk through two lessons on one browser: Ben's result on
  // another quiz came with Lena's name filled in, and Lena's, opened again
  // for her file, came with Ben's.
  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const takeTheQuiz = async (link) => {
    await page.goto(app.url + link);
    for (const n of [1, 2]) {
      await heading(page, n, 2);
      await answerShown(page);
    }
    await page.waitForSelector(".result-code");
  };
  const download = async () => (await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]))[0].suggestedFilename();
  const week2 = "/quiz/play?ids=000-02,000-04&seed=3&mode=test&title=Week%202";
  await takeTheQuiz(week2);
  await page.fill("#hand-in-name", "Lena");
  assert.match(await download(), /^open-door-Lena-Week2-/);
  const lenasCode = await page.textContent(".result-code");

  // Ben, on the same computer, another quiz: no name until he gives one.
  await takeTheQuiz("/quiz/play?ids=000-08,000-09&seed=3&mode=test&title=Week%203");
  assert.equal(await page.inputValue("#hand-in-name"), "");
  const offer = page.getByRole("button", { name: "Use Lena, the name kept on this device" });
  assert.equal(await offer.textContent(), "Use Lena");
  assert.deepEqual(await violations(page), []);
  // Offered beside the field, it keeps the download on a phone's first
  // screen (below the field, it pushed it off).
  await page.evaluate(() => window.scrollTo(0, 0));
  const button = await page.locator("button:text-is('Download result (JSON)')").boundingBox();
  assert.ok(button.y + button.height <= 740, `the download ends at ${button.y + button.height} px`);
  await page.fill("#hand-in-name", "Ben");
  assert.equal(await offer.count(), 0, "offered only while the field is empty");
  assert.match(await download(), /^open-door-Ben-Week3-/);

  // Lena back for her file: her result, her name, her code.
  await page.goto(app.url + week2);
  await page.waitForSelector(".result-code");
  assert.equal(await page.inputValue("#hand-in-name"), "Lena");
  assert.equal(await page.textContent(".result-code"), lenasCode);
  assert.match(await download(), /^open-door-Lena-Week2-/);
  watcher.assertClean();
  await context.close();
});

test("on a shared tablet the next student starts their own attempt, which carries no name of the student before", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const link = app.url + "/quiz/play?ids=000-02,000-04,000-13&seed=3&mode=test";
  const takeTheQuiz = async () => {
    for (const n of [1, 2, 3]) {
      await heading(page, n, 3);
      await answerShown(page);
    }
    await page.waitForSelector(".result-code");
  };
  // Lena takes the class's test and hands in her result.
  await page.goto(link);
  await takeTheQuiz();
  assert.equal(await page.locator("text=Not your result?").count(), 0, "just finished, the result is the student's own");
  await page.fill("#hand-in-name", "Lena");
  const [lenas] = await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
  const lenasCode = await page.textContent(".result-code");
  // What became of the download is on the screen, whole, below the button.
  await page.waitForSelector(".hand-in [role=status]:has-text('Saved as')");
  await page.waitForTimeout(100); // brought into view in the next frame
  const saved = await page.locator(".hand-in [role=status]").boundingBox();
  assert.ok(saved.y >= 0 && saved.y + saved.height <= 740, `"Saved as…" is on the screen (${saved.y} to ${saved.y + saved.height})`);

  // Ben opens the same class link on the same tablet: Lena's result is
  // there, and what to do if it is not his comes first, on the first screen;
  // so does the download, should Lena be the one back for her file.
  await page.goto(link);
  const notYours = page.locator(".next-student");
  await notYours.waitFor();
  assert.match(await notYours.textContent(), /^Not your result\?\s*Start my own attempt$/);
  for (const name of ["Start my own attempt", "Download result (JSON)"]) {
    const button = await page.locator(`button:text-is('${name}')`).boundingBox();
    assert.ok(button.y + button.height <= 740, `"${name}" is on the first screen (bottom at ${button.y + button.height})`);
  }
  assert.deepEqual(await violations(page), []);
  // Not now: nothing changes.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.click("text=Start my own attempt");
  assert.equal(await page.textContent(".result-code"), lenasCode);
  assert.equal(await page.inputValue("#hand-in-name"), "Lena");
  page.once("dialog", (dialog) => {
    assert.match(dialog.message(), /^Start your own attempt\? The result shown is removed from this device, so if its student has not downloaded it yet, it is lost; and the name saved here is cleared\.$/);
    dialog.accept();
  });
  await page.click("text=Start my own attempt");
  await heading(page, 1, 3);
  // As the question said, the name is cleared: the device's, and the one
  // the removed result was handed in under.
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.name")), null);
  assert.ok(!((await page.evaluate(() => localStorage.getItem("open-door.result-names"))) ?? "").includes("Lena"), "Lena's name is gone with her result");
  // The quiz starts at the top, its first question focused.
  await page.waitForFunction(() => document.activeElement.classList.contains("question-heading"), null, { timeout: 2000 });
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await takeTheQuiz();
  assert.equal(await page.inputValue("#hand-in-name"), "", "Lena's name is not on Ben's result");
  assert.equal(await page.locator(".next-student").count(), 0);
  assert.match(lenas.suggestedFilename(), /Lena/);
  watcher.assertClean();
  await context.close();
});
