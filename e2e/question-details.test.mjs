// A question's details, its words (prompt, choices, answer) and feedback
// (explanation, evidence, "since then"), are not in the main module
// (src/content.rs): a class link's first load fetches its first question's
// file beside the wasm and the others' once it runs (public/start.js), and
// any other quiz, or a class link whose files did not come, or a page that
// lists questions, waits for the module that holds every question's. Either way the student sees the
// question's own words and feedback, word for word as content/ has them.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { parse } from "smol-toml";
import { answerShown, appFiles, DIST, launch, ready, violations, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

const IDS = ["000-01", "002-05", "004-02"];
const CLASS_LINK = `/quiz/play?ids=${IDS.join(",")}&seed=5&mode=practice`;
const { dir, lazyModules, mainWasm } = appFiles();
const DETAILS_MODULE = lazyModules.find((path) => path.endsWith("/split_details.wasm"));
assert.ok(DETAILS_MODULE, `every question's details have a module of their own: ${lazyModules}`);
const questionFile = (id) => `${dir}/questions/${id}.txt`;

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

test("a class link's first load fetches its own questions' words and feedback beside the app, not the module of everyone's", async (t) => {
  // The main module held back a second, as a slow line does.
  const server = await serve(DIST, 0, { delays: { [mainWasm]: 1000 } });
  const { page, fetched } = await open(t, server);
  const watcher = watch(page, server.url);
  // In order: what was asked for, and when the main module had arrived.
  const events = [];
  page.on("request", (request) => events.push(new URL(request.url()).pathname));
  page.on("requestfinished", (request) => {
    if (new URL(request.url()).pathname === mainWasm) events.push("main module arrived");
  });
  await page.goto(server.url + CLASS_LINK);
  assert.deepEqual((await playThrough(page, 3)).sort(), IDS);
  assert.deepEqual(fetched.filter((path) => path.includes("/questions/")).sort(), IDS.map(questionFile));
  assert.ok(!fetched.includes(DETAILS_MODULE), "the module of every question's details is not fetched");
  // Only the first question's file shares the line with the main module.
  const arrived = events.indexOf("main module arrived");
  assert.ok(events.indexOf(questionFile(IDS[0])) < arrived, `the first question's file is asked for beside the wasm: ${events}`);
  for (const id of IDS.slice(1)) assert.ok(events.indexOf(questionFile(id)) > arrived, `${id}'s file is asked for once the wasm has arrived: ${events}`);
  watcher.assertClean();
});

test("a class link's other questions whose files are slow: the next question says it is loading, then shows its own words", async (t) => {
  const others = IDS.slice(1).map(questionFile);
  const server = await serve(DIST, 0, { delays: Object.fromEntries(others.map((file) => [file, 2000])) });
  const { page, fetched } = await open(t, server);
  const watcher = watch(page, server.url);
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  await answerAndCheckFeedback(page);
  await page.click("text=Next question");
  await page.waitForSelector("main p.page-loading:text-is('Loading this question…')");
  const asked = [await answerAndCheckFeedback(page)];
  await page.click("text=Next question");
  asked.push(await answerAndCheckFeedback(page));
  assert.deepEqual(asked.sort(), IDS.slice(1).sort());
  assert.ok(!fetched.includes(DETAILS_MODULE), "the files were waited for, not the module of everyone's");
  // Finished and reloaded before the files could come again: the review
  // waits for them and shows every question's own words.
  await page.click("text=See results");
  await page.waitForSelector(".review-item");
  await page.reload();
  await page.waitForSelector(".review-item");
  const reviewed = await page.$$eval(".review-item", (items) => items.map((item) => item.textContent));
  for (const id of IDS) {
    const question = [...BY_PROMPT.values()].find((q) => q.id === id);
    assert.ok(reviewed.some((text) => text.includes(question.prompt)), `${id}: its words are in the review after the reload`);
  }
  watcher.assertClean();
});

test("a class link's other questions whose files fail: the first question comes from its file, the others from the module of everyone's", async (t) => {
  const server = await serve(DIST, 0, { faults: Object.fromEntries(IDS.slice(1).map((id) => [questionFile(id), "404"])) });
  const { page, fetched } = await open(t, server);
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  assert.equal(await answerAndCheckFeedback(page), IDS[0]);
  assert.ok(!fetched.includes(DETAILS_MODULE), "the first question did not wait for the module");
  await page.click("text=Next question");
  const asked = [await answerAndCheckFeedback(page)];
  await page.click("text=Next question");
  asked.push(await answerAndCheckFeedback(page));
  assert.deepEqual(asked.sort(), IDS.slice(1).sort());
  assert.ok(fetched.includes(DETAILS_MODULE), "the others came with the module of everyone's");
});

test("a class link's late file holds back its own question only, and Try again shows it once the file has come", async (t) => {
  // The third question's file comes 12 s late, and the module of
  // everyone's fails: a school line that stalls one request.
  const late = questionFile(IDS[2]);
  const server = await serve(DIST, 0, { delays: { [late]: 12000 }, faults: { [DETAILS_MODULE]: "404" } });
  const { page } = await open(t, server);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  let lateCame = false;
  const lateComing = page.waitForResponse((response) => new URL(response.url()).pathname === late, { timeout: 20000 }).then(() => { lateCame = true; });
  await answerAndCheckFeedback(page);
  await page.click("text=Next question");
  assert.equal(await answerAndCheckFeedback(page), IDS[1], "the second question, whose file came, shows");
  assert.equal(lateCame, false, "before the late file came");

  await page.click("text=Next question");
  await page.waitForSelector(".page-failed h2:text-is('This question did not load')");
  await lateComing;
  await page.click(".page-failed button:text-is('Try again')");
  assert.equal(await answerAndCheckFeedback(page), IDS[2], "its own words, from the file that came late");
  assert.deepEqual(errors, []);
});

test("a class link finished after a reload, before its earlier questions' files came, keeps its best score once they have", async (t) => {
  // Four single-choice questions on one topic: enough for a best score
  // (core's MIN_QUESTIONS_FOR_BEST), each answered right.
  const four = [...BY_PROMPT.values()].filter((q) => q.type === "single" && q.topics.includes("joining")).slice(0, 4);
  assert.equal(four.length, 4);
  const delays = {};
  const server = await serve(DIST, 0, { delays });
  const { page } = await open(t, server);
  const watcher = watch(page, server.url);
  await page.goto(`${server.url}/quiz/play?ids=${four.map((q) => q.id).join(",")}&seed=5&mode=practice`);
  const answerRight = async () => {
    await page.waitForSelector("form.question legend");
    const question = BY_PROMPT.get(await page.textContent("form.question legend"));
    // A choice's label is its key letter, then its words.
    const words = question.answer[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await page.locator("form.question label", { hasText: new RegExp(`^[A-Z]${words}$`) }).click();
    await page.click("form.question button[type=submit]");
    await page.waitForSelector(".feedback.right");
    return question.id;
  };
  const answered = [];
  for (let n = 1; n <= 3; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 4")`);
    answered.push(await answerRight());
    await page.click("text=Next question");
  }
  // Reloaded on a slow line: the answered questions' words come 6 s late,
  // all but the link's first question's, which the app waits for to start
  // (public/start.js).
  const late = answered.filter((id) => id !== four[0].id);
  for (const path of [...late.map(questionFile), DETAILS_MODULE]) delays[path] = 6000;
  await page.reload();
  await page.waitForSelector('h2:text-is("Question 4 of 4")');
  await answerRight();
  await page.click("text=See results");
  await page.waitForSelector("main p.page-loading:text-is('Loading your results…')");
  await page.waitForSelector(".score", { timeout: 15000 });
  assert.equal(await page.textContent(".score"), "You scored 4 out of 4.");
  const best = await page.evaluate(() => JSON.parse(localStorage.getItem("open-door.progress")).best_by_topic);
  assert.equal(best.joining, 100, "the answers still to come when the quiz ended were not counted wrong");
  watcher.assertClean();
});

test("a link's ids with no file (a made-up id here; a pack's question alike) ask for nothing", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  await page.goto(server.url + "/quiz/play?ids=000-01,made-up-99&seed=2&mode=practice");
  await page.waitForSelector('h2:text-is("Question 1 of 1")');
  assert.deepEqual(fetched.filter((path) => path.includes("/questions/")), [questionFile("000-01")]);
  await answerAndCheckFeedback(page);
  assert.ok(!fetched.includes(DETAILS_MODULE), "the listed question's file was enough");
});

// What a school network does to small files: a host's 404, a captive
// portal's page in their place, or a download that stalls.
for (const [fault, how] of [["404", { faults: "404" }], ["a portal's page", { faults: "html" }], ["a stall", { delays: 6000 }]]) {
  test(`a class link whose question files fail (${fault}) still shows every question's own words and feedback`, async (t) => {
    const files = IDS.map(questionFile);
    const options = how.faults ? { faults: Object.fromEntries(files.map((f) => [f, how.faults])) } : { delays: Object.fromEntries(files.map((f) => [f, how.delays])) };
    const server = await serve(DIST, 0, options);
    const { page, fetched } = await open(t, server);
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(server.url + CLASS_LINK);
    assert.deepEqual((await playThrough(page, 3)).sort(), IDS);
    assert.ok(fetched.includes(DETAILS_MODULE), "the questions came with the module of everyone's");
    assert.deepEqual(errors, []);
  });
}

test("a quiz the home page starts (not the class link the app opened with) waits for its questions, then shows them", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  const watcher = watch(page, server.url);
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  await answerAndCheckFeedback(page);
  assert.ok(!fetched.includes(DETAILS_MODULE));
  // In the app, with no new page load: home, then a quiz of any questions.
  await page.click("header a.brand");
  await ready(page);
  await page.click("text=Start a 10-question quiz");
  await playThrough(page, 10);
  assert.ok(fetched.includes(DETAILS_MODULE), "every question's details came when a quiz needed them");
  watcher.assertClean();
});

/** `text` as the app matches a quote in its article (core's `normalise_for_match`). */
const folded = (text) => text.replace(/[\u2018\u2019\u201A\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u2033]/g, '"').replace(/[\u2010-\u2014\u2212]/g, "-").replace(/\s+/g, " ").trim();

/** Waits for the source page's highlight, which must be `question`'s evidence. */
async function assertEvidenceShown(page, question) {
  await page.waitForSelector("main mark#evidence");
  assert.equal(folded(await page.textContent("main mark#evidence")), folded(question.evidence), `${question.id}: its evidence is highlighted`);
}

test("the evidence of a class link's questions shows without the module of everyone's; a source opened from another question waits for it", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  const watcher = watch(page, server.url);
  await page.goto(server.url + CLASS_LINK);
  // The first question's details came beside the app; the second's once it ran.
  for (const n of [1, 2]) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 3")`);
    const id = await answerAndCheckFeedback(page);
    const question = [...BY_PROMPT.values()].find((q) => q.id === id);
    await page.click(".feedback a[href*='/sources/']");
    await assertEvidenceShown(page, question);
    await page.goBack();
    await page.waitForSelector(".feedback");
    if (n === 1) await page.click("text=Next question");
  }
  assert.ok(!fetched.includes(DETAILS_MODULE), "the source pages did not wait for the module of every question's details");

  // A source opened on its own for a question no link brought (a saved
  // address, say): its evidence needs the module.
  const other = [...BY_PROMPT.values()].find((q) => q.article === "003");
  await page.goto(`${server.url}/sources/003?q=${other.id}#evidence`);
  await assertEvidenceShown(page, other);
  assert.ok(fetched.includes(DETAILS_MODULE), "that source waited for every question's details");
  watcher.assertClean();
});

test("the teacher's projector, opened first, shows the question and explanation from the module of every question's details", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  await page.goto(server.url + "/classroom/projector?ids=002-05&seed=3");
  await page.waitForSelector("h2.projector-prompt");
  const question = BY_PROMPT.get(await page.textContent("h2.projector-prompt"));
  assert.equal(question?.id, "002-05");
  assert.ok(fetched.includes(DETAILS_MODULE));
  await page.click("text=Reveal answer (R)");
  await page.waitForSelector(`main p:text-is(${JSON.stringify(question.explanation)})`);
});

test("a quiz that could not get its questions offers Try again; Back to the class link finds that quiz as it was", async (t) => {
  const server = await serve(DIST, 0, { missing: [DETAILS_MODULE] });
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

test("the teacher's quiz builder, reached from a class link, lists every question by its own words once they have come", async (t) => {
  const server = await serve(DIST);
  const { page, fetched } = await open(t, server);
  const watcher = watch(page, server.url);
  await page.goto(server.url + CLASS_LINK);
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  assert.ok(!fetched.includes(DETAILS_MODULE));
  // In the app, by its menu: no new page load.
  await page.click("button.menu-button");
  await page.click("#site-menu a:text-is('Classroom')");
  await page.waitForSelector(".pick-article label", { state: "attached" });
  assert.ok(fetched.includes(DETAILS_MODULE), "the Classroom page waited for every question's details");
  const listed = await page.$$eval(".pick-article label", (labels) => labels.map((l) => l.textContent));
  assert.deepEqual(listed.filter((text) => !BY_PROMPT.has(text)), [], "every question is listed by its own prompt, none left blank");
  assert.equal(new Set(listed).size, BY_PROMPT.size, "every built-in question is listed");
  watcher.assertClean();
});

/**
 * A timed test of `minutes` whose question 1 has come and been answered,
 * and whose question 2 did not load: its file came beside the app, the
 * others', and the module of everyone's, failed (the school's line dropped
 * after the quiz opened). Emptying `faults` brings the line back.
 */
async function timedTestCutOff(t, minutes, { fakeClock = false } = {}) {
  const faults = Object.fromEntries([...IDS.slice(1).map(questionFile), DETAILS_MODULE].map((path) => [path, "404"]));
  const server = await serve(DIST, 0, { faults });
  const { page } = await open(t, server);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  if (fakeClock) await page.clock.install();
  await page.goto(server.url + `/quiz/play?ids=${IDS.join(",")}&seed=5&mode=test&minutes=${minutes}`);
  await page.click("text=Start the quiz");
  await page.waitForSelector('h2:text-is("Question 1 of 3")');
  await answerShown(page);
  await page.waitForSelector(".page-failed button:text-is('Try again')");
  assert.match(await page.textContent(".page-failed h2"), /This question did not load/);
  return { page, faults, errors };
}

test("a timed test whose next question could not come goes on by itself once the connection is back", async (t) => {
  const { page, faults, errors } = await timedTestCutOff(t, 5);
  // The time runs on meanwhile, and the student sees it.
  const shownLeft = await page.textContent(".time-left");
  assert.match(shownLeft, /^Time left: (5:00|4:\d\d)$/);
  await page.waitForFunction((text) => document.querySelector(".time-left")?.textContent !== text, shownLeft, { timeout: 3000 });
  assert.deepEqual(await violations(page), []);

  // The line is back: the browser says so, and the question comes with no
  // press, its clock still running.
  for (const path of Object.keys(faults)) delete faults[path];
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await page.waitForSelector('h2:text-is("Question 2 of 3")');
  assert.equal(BY_PROMPT.get(await page.textContent("form.question legend"))?.id, IDS[1], "its own words");
  assert.match(await page.textContent(".time-left"), /^Time left: (5:00|4:\d\d)$/);
  assert.deepEqual(errors, []);
});

test("a timed test whose time runs out while a question could not come ends, and shows its results once the connection is back", async (t) => {
  const { page, faults, errors } = await timedTestCutOff(t, 1, { fakeClock: true });
  // The clock, in view beside the failed question, ends the quiz at zero.
  await page.clock.fastForward("01:02");
  await page.waitForSelector(".page-failed h2:text-is('Your results did not load')");
  assert.equal(await page.locator(".time-left").count(), 0, "no clock once the quiz has ended");

  for (const path of Object.keys(faults)) delete faults[path];
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await page.waitForSelector(".timed-out");
  // Two, not three: the answer given before the line dropped is kept.
  assert.match(await page.textContent(".timed-out"), /The time ran out: 2 questions were not answered\./);
  assert.match(await page.textContent(".score"), /^You scored [01] out of 3\.$/);
  assert.deepEqual(errors, []);
});
