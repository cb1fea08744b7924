import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { parse } from "smol-toml";
import { answerShown, assertFormKept, builderForm, freshPage, ready, readmeScreenshotPath, startApp, startTheClock } from "./helpers.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const progress = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("open-door.progress")));

/** Each built-in question's topics, from content/questions. */
const TOPICS_OF = new Map(
  readdirSync("content/questions").flatMap((name) =>
    parse(readFileSync(`content/questions/${name}`, "utf8")).question.map((q) => [q.id, q.topics]),
  ),
);
/** A best score is kept for a topic a finished quiz asked at least this many questions on (core's MIN_QUESTIONS_FOR_BEST). */
const MIN_QUESTIONS_FOR_BEST = 4;

/** The prompt and the choices in screen order: what "the same quiz" means. */
const shown = (page) =>
  page.evaluate(() => ({
    prompt: document.querySelector("form.question legend").textContent,
    choices: [...document.querySelectorAll("form.question label, .order-text")].map((l) => l.textContent),
  }));

test("a practice quiz from the home page: feedback with evidence, then results", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/");
  await ready(page);
  await page.click("text=Start a 10-question quiz");
  let missed = 0;
  for (let n = 1; n <= 10; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 10")`);
    assert.match(await page.textContent("form.question legend"), /\S/);
    if (n === 1) await page.screenshot({ path: readmeScreenshotPath("screenshot-question.png") });
    await answerShown(page);
    await page.waitForSelector(".feedback");
    assert.match(await page.textContent(".feedback .verdict"), /Right\.|Not quite\./);
    // Named by its verdict and described by its explanation, after the
    // right answer where it was missed (found by a screen-reader walk: an
    // explanation need not name it), for a screen reader to say as it
    // takes focus (below)...
    await page.waitForFunction(() => document.activeElement.classList.contains("feedback"), null, { timeout: 2000 });
    const { role, name, description, answer, explanation } = await page.evaluate(() => {
      const feedback = document.querySelector(".feedback");
      const text = (ids) => ids.split(" ").map((id) => document.getElementById(id).textContent).join(" ");
      return {
        role: feedback.getAttribute("role"),
        name: text(feedback.getAttribute("aria-labelledby")),
        description: text(feedback.getAttribute("aria-describedby")),
        answer: feedback.querySelector(":scope > p:has(strong)")?.textContent,
        explanation: [...feedback.querySelectorAll(":scope > p")].at(-1).textContent,
      };
    });
    assert.equal(role, "group");
    assert.match(name, /^. (Right\.|Not quite\.)$/);
    assert.equal(answer === undefined, name.endsWith("Right."), "the right answer said where it was missed");
    assert.equal(description, answer ? `${answer} ${explanation}` : explanation);
    if (answer) {
      assert.match(answer, /^The answer: \S/);
      missed++;
    }
    assert.match(explanation, /\S.{20,}/);
    // ...which no live region says again.
    assert.equal(await page.locator("main [aria-live], main [role=status]").filter({ hasText: /Right\.|Not quite\./ }).count(), 0);
    assert.equal(await page.locator(".feedback blockquote").count(), 1);
    assert.match(await page.getAttribute(".feedback cite a", "href"), /^\/sources\/(00\d|treaty)\?q=(\d{3}|treaty)-\d{2}#evidence$/);
    await page.waitForFunction(() => document.activeElement.classList.contains("feedback"), null, { timeout: 2000 });
    await page.click(`button:text-is("${n === 10 ? "See results" : "Next question"}")`);
  }
  await page.waitForSelector("text=Results");
  // Each first choice right is one chance in about 4^10.
  assert.ok(missed > 0, "a missed answer's feedback was heard");
  assert.match(await page.textContent(".score"), /You scored \d+ out of 10\./);
  assert.ok((await page.locator("table.by-topic tbody tr").count()) >= 1);
  assert.equal(await page.locator(".review-item").count(), 10);
  assert.match(await page.textContent(".results"), /Time taken: (\d+ s|\d+ min \d\d s)\./);
  const saved = await progress(page);
  const quizzes = Object.values(saved.quizzes);
  assert.equal(quizzes.length, 1);
  assert.ok(quizzes[0].finished_at_ms, "the finished quiz is kept, finished, for its results");
  assert.equal(Object.values(saved.questions).reduce((n, q) => n + q.seen, 0), 10);
  // A random quiz: the topics it asked 4 or more questions on get a best score.
  const asked = new Map();
  for (const item of quizzes[0].items) for (const topic of TOPICS_OF.get(item.question_id)) asked.set(topic, (asked.get(topic) ?? 0) + 1);
  const expected = [...asked].filter(([, n]) => n >= MIN_QUESTIONS_FOR_BEST).map(([topic]) => topic).sort();
  assert.deepEqual(Object.keys(saved.best_by_topic).sort(), expected, "best score per topic is kept for the topics asked 4 times or more");
  await page.click("a.brand");
  await ready(page);
  assert.equal(await page.locator("text=Your best scores").count(), expected.length ? 1 : 0);
  watcher.assertClean();
  await context.close();
});

test("the quiz set-up says when fewer questions match than were asked for, and the quiz asks those", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz");
  await ready(page);
  const note = page.locator(".builder p[role=status]");
  assert.equal((await note.textContent()).trim(), "", "nothing to say with nothing ticked");
  await page.check("#count-20");
  await page.check("#topic-joining");
  await page.check("#article-003");
  const said = (await note.textContent()).match(/^Only (\d+) questions? match(?:es)? the ticked topics and articles, so the quiz will ask /);
  assert.ok(said, `the set-up says: "${await note.textContent()}"`);
  const size = Number(said[1]);
  assert.ok(size >= 1 && size < 20);
  // "All" asks every match: nothing to say.
  await page.check("#count-all");
  assert.equal((await note.textContent()).trim(), "");
  await page.check("#count-20");
  await page.click("button:text-is('Start')");
  await page.waitForSelector(`h2:text-is("Question 1 of ${size}")`);
  watcher.assertClean();
  await context.close();
});

test("the quiz set-up is as the student left it after a look at another page and Back, a reload, and Back from the quiz", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await page.goto(app.url + "/quiz");
  await ready(page);
  await page.check("#topic-article-5");
  await page.check("#article-004");
  await page.check("#count-5");
  await page.check("#mode-test");
  await page.selectOption("#minutes", "5");
  const left = await builderForm(page);
  assert.deepEqual(left.ticked, ["article-004", "count-5", "mode-test", "topic-article-5"]);
  // Learn, from the menu, then Back.
  await assertFormKept(page, left, async () => {
    await page.click(".menu-button");
    await page.click("nav >> text=Learn");
    await ready(page);
  });
  // Started, then Back before the clock: the same choices, to change one.
  await page.click("button:text-is('Start')");
  await page.waitForSelector("text=Start the quiz");
  await page.goBack();
  await page.waitForSelector("form.builder");
  assert.deepEqual(await builderForm(page), left, "after Back from the quiz");
  watcher.assertClean();
  await context.close();
});

test("one link gives two students the same questions in the same order with the same choices", async () => {
  const link = app.url + "/quiz/play?topics=joining,coverage&count=5&seed=424242&mode=practice";
  const seen = [];
  for (const student of [0, 1]) {
    const { page, watcher, context } = await freshPage(app);
    await page.goto(link);
    const quiz = [];
    for (let n = 1; n <= 5; n++) {
      await page.waitForSelector(`h2:text-is("Question ${n} of 5")`);
      quiz.push(await shown(page));
      await answerShown(page);
      await page.click("button:text-matches('Next question|See results')");
    }
    seen[student] = quiz;
    watcher.assertClean();
    await context.close();
  }
  assert.deepEqual(seen[0], seen[1]);
});

test("a tampered link names what it skipped and still gives the nearest quiz", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?ids=000-01,nope-99&seed=x1&mode=bogus&colour=red");
  await page.waitForSelector("h2:text-is('Question 1 of 1')");
  const notice = await page.textContent("section.notice");
  assert.match(notice, /1 of this link's questions is not in this app's question bank/);
  assert.match(notice, /Unknown mode "bogus"/);
  assert.match(notice, /\("colour"\) is not something a quiz link has/);
  await page.goto(app.url + "/quiz/play?%zz&count=-4");
  await page.waitForSelector("h2:text-is('Question 1 of 10')");
  assert.match(await page.textContent("section.notice"), /garbled|questions/);
  watcher.assertClean();
  await context.close();
});

test("a link that matches no question says so and leaves nothing to resume", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?topics=coverage&articles=002&count=5&seed=1");
  await page.waitForSelector("form.question");
  await answerShown(page);
  await page.waitForSelector(".feedback");
  await page.goto(app.url + "/quiz/play?topics=finland-sweden&articles=001&seed=1");
  await page.waitForSelector("text=No questions match this quiz.");
  await page.goto(app.url + "/");
  await ready(page);
  assert.equal(await page.locator(".resume-list li").count(), 1, "only the quiz with an answer is offered");
  assert.match(await page.textContent(".resume-list"), /1 of 5 answered/, "the earlier quiz is still offered");
  watcher.assertClean();
  await context.close();
});

test("a quiz resumes after a reload, and the home page offers to resume it", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?count=10&seed=7&mode=practice");
  for (let n = 1; n <= 2; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 10")`);
    await answerShown(page);
    await page.click("text=Next question");
  }
  await page.waitForSelector("h2:text-is('Question 3 of 10')");
  await page.reload();
  await page.waitForSelector("h2:text-is('Question 3 of 10')");
  await page.goto(app.url + "/");
  await ready(page);
  assert.match(await page.textContent(".resume-list"), /Resume: Quiz on every topic 2 of 10 answered/);
  await page.click(".resume-list a");
  await page.waitForSelector("h2:text-is('Question 3 of 10')");
  watcher.assertClean();
  await context.close();
});

test("a double click on submit and the back button never score an answer twice", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/");
  await ready(page);
  await page.goto(app.url + "/quiz/play?ids=002-01,002-26&seed=1&mode=practice");
  await page.waitForSelector("form.question");
  await page.locator("form.question input").first().check();
  await page.dblclick("form.question button[type=submit]");
  await page.waitForSelector(".feedback");
  assert.equal((await progress(page)).questions["002-01"].seen, 1);
  await page.goBack();
  await ready(page);
  await page.goForward();
  await page.waitForSelector(".feedback");
  assert.equal(await page.locator("form.question button[type=submit]").count(), 0, "an answered question stays answered");
  assert.equal((await progress(page)).questions["002-01"].seen, 1);
  watcher.assertClean();
  await context.close();
});

test("test mode shows no feedback until the end", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?ids=000-02,001-03,003-01&seed=3&mode=test");
  for (let n = 1; n <= 3; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 3")`);
    await answerShown(page);
    assert.equal(await page.locator(".feedback").count(), 0);
  }
  await page.waitForSelector("text=Results");
  assert.equal(await page.locator(".review-item blockquote").count(), 3);
  // A test is the teacher's: handing it in comes first, not a retry.
  assert.ok((await page.locator(".review-item h3:has-text('(missed)')").count()) > 0, "a question was missed, so a retry is offered");
  assert.deepEqual(await page.locator(".results .primary").allTextContents(), ["Download result (JSON)"]);
  watcher.assertClean();
  await context.close();
});

test("after a practice quiz, the retry of the missed questions comes first and asks only those; the result stays", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  const link = app.url + "/quiz/play?ids=000-02,001-03,003-01&seed=3&mode=practice";
  await page.goto(link);
  for (let n = 1; n <= 3; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 3")`);
    await answerShown(page);
    await page.click(`button:text-is("${n === 3 ? "See results" : "Next question"}")`);
  }
  await page.waitForSelector("text=Results");
  const missed = await page.locator(".review-item h3:has-text('(missed)')").count();
  assert.ok(missed > 0);
  assert.deepEqual(await page.locator(".results .primary").allTextContents(), ["Retry the ones I missed"]);
  const score = await page.textContent(".score");
  await page.click("text=Retry the ones I missed");
  await page.waitForSelector(`h2:text-is("Question 1 of ${missed}")`);
  await answerShown(page);
  await page.waitForSelector(".feedback");
  await page.goBack();
  await page.waitForSelector(`.score:text-is("${score}")`);
  // A missed question's evidence, read from these results, leads back to
  // them, though the retry, changed since, asks it too (found by a
  // student's walk: it led into the retry).
  await page.click(".review-item:has(h3:has-text('(missed)')) cite a");
  await page.waitForSelector("#evidence");
  assert.equal(await page.textContent(".hint a"), "Back to your results");
  await page.click(".hint a");
  await page.waitForSelector(`.score:text-is("${score}")`);
  watcher.assertClean();
  await context.close();
});

test("an order question is solved with its move buttons", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?ids=004-10&seed=9&mode=practice");
  await page.waitForSelector(".order-list");
  const right = [
    "NATO is established to protect allies from Soviet attacks",
    "The NATO-Russia Council is established",
    "Russia annexes Crimea from Ukraine",
    "Russia's full-scale invasion brings war back to Europe's doorstep",
    "The NATO-Ukraine Council holds its first meeting",
  ];
  // Selection sort with the "Move up" buttons, as a keyboard user would.
  for (let place = 0; place < right.length; place++) {
    let at = (await page.locator(".order-text").allTextContents()).indexOf(right[place]);
    while (at > place) {
      await page.click(`button[aria-label="Move up: ${right[place]}"]`);
      at -= 1;
    }
  }
  await page.click("form.question button[type=submit]");
  await page.waitForSelector(".feedback.right");
  watcher.assertClean();
  await context.close();
});

test("with the keyboard, an order item keeps the focus as it moves, and its new place is said", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?ids=004-10&seed=9&mode=practice");
  await page.waitForSelector(".order-list");
  const before = await page.locator(".order-text").allTextContents();
  const [first] = before;
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
  await page.focus(`button[aria-label="Move down: ${first}"]`);
  for (let press = 1; press < before.length; press++) {
    await page.keyboard.press("Enter");
    // At the foot of the list its own "Move up" takes the focus.
    const next = press < before.length - 1 ? `Move down: ${first}` : `Move up: ${first}`;
    await page.waitForFunction((label) => document.activeElement?.getAttribute("aria-label") === label, next, { timeout: 2000 })
      .catch(async () => assert.fail(`after press ${press} the focus is on ${await focused()}, not ${next}`));
    assert.equal(await page.textContent(".order-status"), `${first}: now in place ${press + 1} of ${before.length}.`);
  }
  assert.deepEqual(await page.locator(".order-text").allTextContents(), [...before.slice(1), first], "one place a press, to the foot");
  watcher.assertClean();
  await context.close();
});

test("a time limit ends the quiz when it runs out", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.clock.install();
  await page.goto(app.url + "/quiz/play?count=5&seed=11&mode=practice&minutes=1");
  await startTheClock(page);
  await page.waitForSelector(".time-left");
  assert.match(await page.textContent(".time-left"), /^Time left: (1:00|0:5\d)$/);
  await page.clock.fastForward("01:05");
  await page.waitForSelector("text=Results");
  assert.match(await page.textContent(".score"), /out of 5/);
  assert.match(await page.textContent(".timed-out"), /The time ran out: 5 questions were not answered\./);
  watcher.assertClean();
  await context.close();
});

/** A phone on a one-minute test of three questions, its clock under the
 * test's control, with a choice picked on the first question. */
async function oneMinuteTestWithAPick() {
  const opened = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await opened.page.clock.install();
  await opened.page.goto(app.url + "/quiz/play?ids=000-01,000-09,000-15&seed=3&mode=test&minutes=1");
  await startTheClock(opened.page);
  await opened.page.waitForSelector("h2:text-is('Question 1 of 3')");
  await opened.page.locator("form.question input").first().check();
  return opened;
}

test("an answer picked but not yet saved when the time runs out counts, as on paper", async () => {
  const { page, watcher, context } = await oneMinuteTestWithAPick();
  await page.click("button:text-is('Save answer')");
  await page.waitForSelector("h2:text-is('Question 2 of 3')");
  await page.locator("form.question input").first().check(); // picked, not saved
  await page.clock.fastForward("01:05");
  await page.waitForSelector("text=Results");
  assert.match(await page.textContent(".timed-out"), /The time ran out: 1 question was not answered\./);
  // Shown with the mistakes alone, or all of them: every review item.
  const yours = await page.$$eval(".review-item", (items) => items.map((item) => item.querySelector("p").textContent));
  assert.equal(yours.filter((line) => line === "Your answer: not answered").length, 1, yours.join(" | "));
  watcher.assertClean();
  await context.close();
});

test("an answer saved as the time runs out, before the page ends the quiz, counts", async () => {
  const { page, watcher, context } = await oneMinuteTestWithAPick();
  // The clock stops just past the deadline, before the page's next look
  // at it (it looks once a second): the student presses Save in between.
  await page.clock.pauseAt(Date.now() + 30_000);
  const { started_at_ms: started } = await page.evaluate(() => Object.values(JSON.parse(localStorage.getItem("open-door.progress")).quizzes)[0]);
  await page.clock.setSystemTime(started + 60_000 + 300);
  await page.click("button:text-is('Save answer')");
  await page.waitForSelector("text=Results");
  assert.match(await page.textContent(".timed-out"), /The time ran out: 2 questions were not answered\./);
  watcher.assertClean();
  await context.close();
});
