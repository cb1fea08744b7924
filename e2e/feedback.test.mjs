// A question's feedback (explanation, evidence, "since then") is not in the
// main module (src/content.rs): a class link's first load fetches its own
// questions' files beside the wasm (public/start.js), and any other quiz, or
// a class link whose files did not come, waits for the module that holds
// every question's. Either way the student sees the question's own
// feedback, word for word as content/ has it.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { parse } from "smol-toml";
import { answerShown, appFiles, DIST, launch, ready, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

const IDS = ["000-01", "002-05", "004-02"];
const CLASS_LINK = `/quiz/play?ids=${IDS.join(",")}&seed=5&mode=practice`;
const { dir, lazyModules } = appFiles();
const FEEDBACK_MODULE = lazyModules.find((path) => path.endsWith("/split_feedback.wasm"));
assert.ok(FEEDBACK_MODULE, `every question's feedback has a module of its own: ${lazyModules}`);
const feedbackFile = (id) => `${dir}/feedback/${id}.txt`;

/** Each built-in question by its prompt, from content/questions. */
const BY_PROMPT = new Map(
  readdirSync("content/questions").flatMap((name) =>
    parse(readFileSync(`content/questions/${name}`, "utf8")).question.map((q) => [q.prompt, q]),
  ),
);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** A fresh phone-sized page on `server`, recording every path it asks for. */
async function open(t, server) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 360, height: 740 } });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  return { page, fetched };
}

/** Answers the question on screen and checks that its feedback is its own. */
async function answerAndCheckFeedback(page) {
  await page.waitForSelector("form.question legend");
  const question = BY_PROMPT.get(await page.textContent("form.question legend"));
  assert.ok(question, "the question on screen is a built-in one");
  await answerShown(page);
  await page.waitForSelector(".feedback");
  const feedback = await page.textContent(".feedback");
  assert.ok(feedback.includes(question.explanation), `${question.id}: its explanation is shown`);
  assert.ok((await page.textContent(".feedback blockquote")).includes(question.evidence), `${question.id}: its evidence is quoted`);
  if (question.since) assert.ok(feedback.includes(question.since.note), `${question.id}: its "since then" note is shown`);
  return question.id;
}

/** Answers every question of a quiz of `count`, checking each one's feedback; the ids asked. */
async function playThrough(page, count) {
  const asked = [];
  for (let n = 1; n <= count; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of ${count}")`);
    asked.push(await answerAndCheckFeedback(page));
    if (n < count) await page.click("text=Next question");
  }
  return asked;
}

test("a class link's first load fetches its own questions' feedback beside the app, not the module of everyone's", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  const watcher = watch(page, server.url);
  await page.goto(server.url + CLASS_LINK);
  assert.deepEqual((await playThrough(page, 3)).sort(), IDS);
  assert.deepEqual(fetched.filter((path) => path.includes("/feedback/")).sort(), IDS.map(feedbackFile));
  assert.ok(!fetched.includes(FEEDBACK_MODULE), "the module of every question's feedback is not fetched");
  watcher.assertClean();
});

test("a link's ids with no feedback file (a made-up id here; a pack's question alike) ask for nothing", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  await page.goto(server.url + "/quiz/play?ids=000-01,made-up-99&seed=2&mode=practice");
  await page.waitForSelector('h2:text-is("Question 1 of 1")');
  assert.deepEqual(fetched.filter((path) => path.includes("/feedback/")), [feedbackFile("000-01")]);
  await answerAndCheckFeedback(page);
  assert.ok(!fetched.includes(FEEDBACK_MODULE), "the listed question's feedback was enough");
});

// What a school network does to small files: a host's 404, a captive
// portal's page in their place, or a download that stalls.
for (const [fault, how] of [["404", { faults: "404" }], ["a portal's page", { faults: "html" }], ["a stall", { delays: 6000 }]]) {
  test(`a class link whose feedback files fail (${fault}) still shows every question's own feedback`, async (t) => {
    const files = IDS.map(feedbackFile);
    const options = how.faults ? { faults: Object.fromEntries(files.map((f) => [f, how.faults])) } : { delays: Object.fromEntries(files.map((f) => [f, how.delays])) };
    const server = await serve(DIST, 0, options);
    const { page, fetched } = await open(t, server);
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(server.url + CLASS_LINK);
    assert.deepEqual((await playThrough(page, 3)).sort(), IDS);
    assert.ok(fetched.includes(FEEDBACK_MODULE), "the feedback came with the module of everyone's");
    assert.deepEqual(errors, []);
  });
}

test("a quiz the home page starts (not the class link the app opened with) waits for its feedback, then shows it", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  const watcher = watch(page, server.url);
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  await answerAndCheckFeedback(page);
  assert.ok(!fetched.includes(FEEDBACK_MODULE));
  // In the app, with no new page load: home, then a quiz of any questions.
  await page.click("header a.brand");
  await ready(page);
  await page.click("text=Start a 10-question quiz");
  await playThrough(page, 10);
  assert.ok(fetched.includes(FEEDBACK_MODULE), "every question's feedback came when a quiz needed it");
  watcher.assertClean();
});

test("the teacher's projector, opened first, shows the explanation from the module of every question's feedback", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  await page.goto(server.url + "/classroom/projector?ids=002-05&seed=3");
  await page.waitForSelector("h2.projector-prompt");
  const question = BY_PROMPT.get(await page.textContent("h2.projector-prompt"));
  assert.equal(question?.id, "002-05");
  assert.ok(fetched.includes(FEEDBACK_MODULE));
  await page.click("text=Reveal answer (R)");
  await page.waitForSelector(`main p:text-is(${JSON.stringify(question.explanation)})`);
});

test("a quiz that could not get its feedback offers Try again; Back to the class link finds that quiz as it was", async (t) => {
  const server = await serve(DIST, 0, { missing: [FEEDBACK_MODULE] });
  const { page } = await open(t, server);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  const first = await answerAndCheckFeedback(page);
  await page.click("header a.brand");
  await ready(page);
  await page.click("text=Start a 10-question quiz");
  await page.waitForSelector(".page-failed button:text-is('Try again')");
  await page.goBack();
  await page.goBack();
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  assert.equal(await page.locator(".page-failed").count(), 0, "the class link's quiz does not wait for the module it does not need");
  assert.equal(BY_PROMPT.get(await page.textContent("form.question legend"))?.id, first);
  assert.ok((await page.textContent(".feedback")).includes(BY_PROMPT.get(await page.textContent("form.question legend")).explanation), "its answer and feedback are still shown");
  assert.deepEqual(errors, []);
});
