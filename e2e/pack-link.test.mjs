// Pack quizzes reach students: a class link built from a teacher's own
// pack carries its questions, so a student's device that never saw the pack
// (a fresh browser profile) runs the same quiz, offline too; a pack too big
// for a link gives the teacher a warning and a file, and the student's
// device asks for that pack by name; an altered or cut link is refused.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { answerShown, appFiles, DIST, freePort, freshPage, ready, scratchDir, startApp, violations } from "./helpers.mjs";
import { serve } from "./serve.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const scratch = scratchDir("pack-link");
const EXAMPLE_PACK = readFileSync("docs/example-pack.json", "utf8");
const PACK_NAME = "Class 9B: the Washington Treaty handout";

/** The keys of the packs added on the device (one key a pack). */
const addedPacks = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("open-door.pack.")));

/** Adds a pack file on the Classroom page (the app restarts on it). */
async function addPack(page, text, name = "pack.json", origin = app.url) {
  const file = join(scratch, name);
  writeFileSync(file, text);
  await page.goto(origin + "/classroom");
  await ready(page);
  await Promise.all([page.waitForEvent("load"), page.setInputFiles("#pack-file", file)]);
  await ready(page);
}

/** Makes the class link on the Classroom page from single questions. */
async function classLinkOf(page, ids) {
  await page.click("summary:has-text('Or pick single questions')");
  for (const id of ids) await page.check(`#pick-${id}`);
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-link");
  return page.textContent(".share-link");
}

/** The quiz a student sees: each question's prompt and its choices in order. */
async function takeQuiz(page, count) {
  const seen = [];
  for (let n = 1; n <= count; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of ${count}")`);
    const prompt = await page.textContent("form.question legend");
    const choices = await page.locator("form.question label").allTextContents();
    seen.push({ prompt, choices });
    await answerShown(page);
    if (n < count) await page.click("text=Next question");
  }
  return seen;
}

/**
 * A student with no pack takes the 2 questions of `link`, answering each
 * with its choice among `picks` (words of the example pack's choices), and
 * hands in the JSON file, saved as `name`; returns its path.
 */
async function handIn(link, picks, name) {
  const student = await freshPage(app, { acceptDownloads: true });
  await student.page.goto(link);
  for (let n = 1; n <= 2; n++) {
    await student.page.waitForSelector(`h2:text-is("Question ${n} of 2")`);
    const labels = await student.page.locator("form.question label").allTextContents();
    await student.page.locator("form.question input").nth(labels.findIndex((label) => picks.some((p) => label.includes(p)))).check();
    await student.page.click("form.question button[type=submit]");
    await student.page.click(`button:text-is("${n === 2 ? "See results" : "Next question"}")`);
  }
  await student.page.waitForSelector(".result-code");
  const [download] = await Promise.all([student.page.waitForEvent("download"), student.page.click("text=Download result (JSON)")]);
  const file = join(scratch, name);
  await download.saveAs(file);
  student.watcher.assertClean();
  await student.context.close();
  return file;
}

/** Takes the quiz of `link` to its results. */
async function finishQuiz(page, link, count) {
  await page.goto(link);
  await takeQuiz(page, count);
  await page.click("text=See results");
  await page.waitForSelector(".results");
}

test("a pack link opened in a fresh browser profile runs the same quiz, offline too", async () => {
  const teacher = await freshPage(app);
  await addPack(teacher.page, EXAMPLE_PACK);
  await teacher.page.waitForSelector(`.message-done >> text=The pack "${PACK_NAME}" was added (2 questions).`);
  const link = await classLinkOf(teacher.page, ["handout-1-02", "002-01", "handout-1-01"]);
  assert.match(link, /\/quiz\/play\?check=[A-Z2-9]{4}&ids=handout-1-02,002-01,handout-1-01&seed=\d+&mode=practice&pack=Class%209B%3A[^#]+#pack=[0-9a-f]{16}\.[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 8000);
  assert.equal(await teacher.page.locator(".too-big").count(), 0, "no warning for a pack that fits");
  await teacher.page.goto(link);
  const teachersQuiz = await takeQuiz(teacher.page, 3);
  teacher.watcher.assertClean();
  await teacher.context.close();

  const student = await freshPage(app);
  await student.page.goto(link);
  assert.deepEqual(await takeQuiz(student.page, 3), teachersQuiz, "the same questions, order and choices");
  assert.match(teachersQuiz[0].prompt + teachersQuiz[2].prompt, /class handout/);
  assert.deepEqual(await addedPacks(student.page), [], "nothing is installed");
  await student.page.click("text=See results");
  await student.page.waitForSelector(".results");

  // Another student leaves after one answer and comes back from the home
  // page (no link): the pack came along, so the same quiz resumes.
  const other = await freshPage(app);
  await other.page.goto(link);
  await other.page.waitForSelector("h2:text-is('Question 1 of 3')");
  await answerShown(other.page);
  await other.page.click("text=Next question");
  await other.page.waitForSelector("h2:text-is('Question 2 of 3')");
  await other.page.goto(app.url + "/");
  await ready(other.page);
  assert.doesNotMatch(await other.page.textContent("body"), /no longer in Open Door/);
  await other.page.click(".resume-list a");
  await other.page.waitForSelector("h2:text-is('Question 2 of 3')");
  assert.equal(await other.page.textContent("form.question legend"), teachersQuiz[1].prompt);
  assert.deepEqual(await addedPacks(other.page), [], "not an added pack");
  await other.page.goto(app.url + "/classroom");
  await ready(other.page);
  await other.page.waitForSelector("text=No packs added on this device.");
  // The pack file itself can still be added: it replaces what the link brought.
  await addPack(other.page, EXAMPLE_PACK, "later.json");
  await other.page.waitForSelector(`.message-done >> text=The pack "${PACK_NAME}" was added (2 questions).`);
  other.watcher.assertClean();
  await other.context.close();

  // Offline: the service worker serves the app, the link carries the rest.
  await student.page.goto(link);
  await student.page.waitForSelector("form.question, .results");
  await student.page.evaluate(() => navigator.serviceWorker.ready);
  await student.context.setOffline(true);
  await student.page.goto(app.url + "/");
  await ready(student.page);
  await student.page.evaluate(() => localStorage.clear());
  await student.page.goto(link);
  assert.deepEqual(await takeQuiz(student.page, 3), teachersQuiz, "the same quiz with no network");
  student.watcher.assertClean();
  await student.context.close();
});

test("a second link of a pack runs on a device that took the first, a mended question runs mended, and no result is lost", async () => {
  const teacher = await freshPage(app);
  await addPack(teacher.page, EXAMPLE_PACK);
  const first = await classLinkOf(teacher.page, ["handout-1-01", "002-01"]);
  // The page keeps what was ticked: the next quiz's questions only.
  await teacher.page.uncheck("#pick-handout-1-01");
  await teacher.page.uncheck("#pick-002-01");
  await teacher.page.check("#pick-handout-1-02");
  await teacher.page.click("text=Make the class link");
  await teacher.page.waitForFunction((first) => document.querySelector(".share-link")?.textContent !== first, first);
  const second = await teacher.page.textContent(".share-link");
  assert.match(second, /ids=handout-1-02&/);
  teacher.watcher.assertClean();
  await teacher.context.close();

  const student = await freshPage(app);
  await finishQuiz(student.page, first, 2);
  // The second link brings the same topic and text (another paragraph of it).
  await student.page.goto(second);
  await student.page.waitForSelector("h2:text-is('Question 1 of 1')");
  assert.match(await student.page.textContent("form.question legend"), /class handout/);
  await answerShown(student.page);
  await student.page.click("text=See results");
  await student.page.waitForSelector(".results");
  // The first quiz's result is still there, after a reload with no link.
  await student.page.goto(app.url + "/");
  await ready(student.page);
  assert.equal(await student.page.locator(".finished-list li").count(), 2, "both results are kept");
  assert.doesNotMatch(await student.page.textContent("body"), /no longer in Open Door|could not be restored/);
  await student.page.goto(first.split("#")[0]);
  await student.page.waitForSelector(".results");
  assert.match(await student.page.textContent(".results"), /unanimous agreement/);
  // The text as both links brought it: their paragraphs in the text's
  // order, one mark for the paragraph neither quotes.
  await student.page.goto(app.url + "/sources/handout-1?q=handout-1-01");
  await student.page.waitForSelector("mark#evidence");
  const paragraphs = await student.page.locator("main p").allTextContents();
  const at = (words) => paragraphs.findIndex((p) => p.includes(words));
  assert.ok(at("signed in Washington") >= 0 && at("signed in Washington") + 2 === at("only by unanimous agreement"), JSON.stringify(paragraphs));
  assert.equal(paragraphs[at("signed in Washington") + 1], "[…]");
  assert.equal(await student.page.locator("main .hint", { hasText: "carries only the paragraphs its questions quote" }).count(), 1, "the mark is explained");

  // The teacher mends a choice and sends a new link of the same question.
  const mended = JSON.parse(EXAMPLE_PACK);
  mended.questions[0].choices[1] = "By a simple majority of the allies";
  const mender = await freshPage(app);
  await addPack(mender.page, JSON.stringify(mended), "mended.json");
  const third = await classLinkOf(mender.page, ["handout-1-01"]);
  await mender.context.close();
  await student.page.goto(third);
  await student.page.waitForSelector("h2:text-is('Question 1 of 1')");
  assert.match((await student.page.locator("form.question label").allTextContents()).join("|"), /By a simple majority of the allies/);
  await student.page.goto(app.url + "/");
  await ready(student.page);
  assert.equal(await student.page.locator(".finished-list li").count(), 2, "still both results");
  student.watcher.assertClean();
  await student.context.close();
});

test("another teacher's pack with the same ids runs from its link, and the first pack's result waits for its own link", async () => {
  const makeLink = async (packText) => {
    const teacher = await freshPage(app);
    await addPack(teacher.page, packText);
    const link = await classLinkOf(teacher.page, ["handout-1-01"]);
    await teacher.context.close();
    return link;
  };
  const first = await makeLink(EXAMPLE_PACK);
  const other = JSON.parse(EXAMPLE_PACK);
  other.name = "Class 9C: the same handout, another teacher";
  other.questions[0].choices[2] = "By a vote of the candidate's voters";
  const second = await makeLink(JSON.stringify(other));

  const student = await freshPage(app);
  await finishQuiz(student.page, first, 1);
  await student.page.goto(second);
  await student.page.waitForSelector("h2:text-is('Question 1 of 1')");
  assert.match((await student.page.locator("form.question label").allTextContents()).join("|"), /the candidate's voters/, "the other teacher's question");
  await answerShown(student.page);
  await student.page.click("text=See results");
  await student.page.waitForSelector(".results");
  // With no link, the newest pack is kept: the first result waits, hidden,
  // neither cut nor shown with the other pack's question.
  await student.page.goto(app.url + "/");
  await ready(student.page);
  assert.equal(await student.page.locator(".finished-list li").count(), 1);
  assert.doesNotMatch(await student.page.textContent("body"), /no longer in Open Door|could not be restored|no longer fit/);
  // Said to be kept, with the way back, so the student does not think it lost.
  const hiddenNote = (name) => `Your quiz from the question pack “${name}” is saved, but not shown for now. Open your teacher's link for “${name}” again to see it.`;
  assert.deepEqual(await student.page.locator(".hidden-quizzes").allTextContents(), [hiddenNote(JSON.parse(EXAMPLE_PACK).name)]);
  // Its link brings its pack again, and its result is there as it was.
  await student.page.goto(first);
  await student.page.waitForSelector(".results");
  assert.doesNotMatch(await student.page.textContent(".results"), /the candidate's voters/);
  await student.page.goto(app.url + "/");
  await ready(student.page);
  assert.equal(await student.page.locator(".finished-list li").count(), 1, "now the other waits");
  assert.deepEqual(await student.page.locator(".hidden-quizzes").allTextContents(), [hiddenNote(other.name)]);
  assert.deepEqual(await violations(student.page), [], "axe, a quiz hidden");
  student.watcher.assertClean();
  await student.context.close();
});

/** A valid pack of `count` varied questions: 60 are too many for a link. */
function bigPack(count = 60) {
  const pack = JSON.parse(EXAMPLE_PACK);
  pack.name = "Class 9B: the big revision pack";
  const words = "alliance treaty member summit border defence vote accession parliament minister ratify invitation reform army budget council partner pledge security neighbour".split(" ");
  let state = 7;
  const word = () => { state = (state * 1103515245 + 12345) % 2147483648; return words[state % words.length] + (state % 97); };
  const sentence = (n) => Array.from({ length: n }, word).join(" ");
  const paragraphs = [];
  pack.topics = [{ id: "revision", title: "Revision (class pack)" }];
  pack.articles[0].id = "revision-notes";
  pack.articles[0].label = "the revision notes";
  pack.questions = Array.from({ length: count }, (_, n) => {
    const evidence = `Point ${n}: ${sentence(12)}.`;
    paragraphs.push(`${sentence(20)}. ${evidence} ${sentence(15)}.`);
    return {
      id: `revision-${String(n).padStart(2, "0")}`,
      article: "revision-notes",
      topics: ["revision"],
      difficulty: "easy",
      type: "single",
      prompt: `According to the revision notes, what is point ${n}?`,
      choices: [sentence(6), sentence(6), sentence(6)],
      answer: [],
      explanation: `The notes give it as point ${n}: ${sentence(25)}.`,
      evidence,
    };
  });
  pack.questions.forEach((q) => { q.answer = [q.choices[0]]; });
  pack.articles[0].body = paragraphs.join("\n\n");
  return JSON.stringify(pack, null, 2);
}

test("a pack too big for a link: the teacher is warned and gets the file, the student's device asks for it by name", async () => {
  const teacher = await freshPage(app, { acceptDownloads: true });
  await addPack(teacher.page, bigPack(), "big.json");
  await teacher.page.waitForSelector(".message-done >> text=(60 questions)");
  await teacher.page.check("#topic-revision");
  await teacher.page.check("#count-all");
  await teacher.page.click("text=Make the class link");
  await teacher.page.waitForSelector(".too-big >> text=Your students need the pack file too.");
  const link = await teacher.page.textContent(".share-link");
  assert.match(link, /&pack=Class%209B%3A%20the%20big%20revision%20pack$/, "the link names the pack and carries none");
  const [download] = await Promise.all([teacher.page.waitForEvent("download"), teacher.page.click("text=Download the pack file to hand out")]);
  assert.equal(download.suggestedFilename(), "class-9b-the-big-revision-pack.json");
  const packFile = join(scratch, "handed-out.json");
  await download.saveAs(packFile);
  await teacher.page.waitForSelector(".too-big .message-done >> text=hand it out with the link");
  assert.deepEqual(await violations(teacher.page), [], "the warning is axe clean");
  teacher.watcher.assertClean();
  await teacher.context.close();

  const student = await freshPage(app);
  await student.page.goto(link);
  await student.page.waitForSelector("h2:text-is('This quiz needs a question pack')");
  assert.match(await student.page.textContent(".needs-pack"), /"Class 9B: the big revision pack"/);
  assert.equal(await student.page.locator("form.question").count(), 0, "no other quiz starts");
  assert.doesNotMatch(await student.page.textContent("main"), /10-question quiz/);

  // The wrong pack is refused by name; the right one starts the quiz.
  const wrong = join(scratch, "wrong.json");
  writeFileSync(wrong, EXAMPLE_PACK);
  await student.page.setInputFiles("#needed-pack-file", wrong);
  await student.page.waitForSelector(`.message-problem >> text=This file is the pack "${PACK_NAME}"`);
  await Promise.all([student.page.waitForEvent("load"), student.page.setInputFiles("#needed-pack-file", packFile)]);
  await student.page.waitForSelector("h2:text-is('Question 1 of 60')");
  assert.match(await student.page.textContent("form.question legend"), /According to the revision notes/);
  // The quiz started: no message waits for the Classroom page, nor pulls the focus there.
  await student.page.goto(app.url + "/classroom");
  await ready(student.page);
  assert.equal((await student.page.textContent(".pack-messages")).trim(), "");
  assert.notEqual(await student.page.evaluate(() => document.activeElement?.id), "packs-heading");
  student.watcher.assertClean();
  await student.context.close();
});

test("a pack link too long for a QR code says so, and offers no full-screen code", async () => {
  const teacher = await freshPage(app);
  await addPack(teacher.page, bigPack(10), "ten.json");
  await teacher.page.check("#topic-revision");
  await teacher.page.check("#count-all");
  await teacher.page.click("text=Make the class link");
  await teacher.page.waitForSelector(".share-link");
  const link = await teacher.page.textContent(".share-link");
  assert.ok(link.includes("#pack=") && link.length > 2953, `a link that carries its pack, longer than a code holds: ${link.length}`);
  await teacher.page.waitForSelector(".qr-too-long");
  assert.equal(await teacher.page.locator("button:has-text('Show the QR code full screen')").count(), 0);
  teacher.watcher.assertClean();
  await teacher.context.close();
});

test("the largest pack (300 questions) is stored checked, and checked again only after an update", async () => {
  const { page, watcher, context } = await freshPage(app);
  const file = join(scratch, "largest.json");
  writeFileSync(file, bigPack(300));
  await page.goto(app.url + "/classroom");
  await ready(page);
  const started = Date.now();
  await Promise.all([page.waitForEvent("load"), page.setInputFiles("#pack-file", file)]);
  await page.waitForSelector(".message-done >> text=(300 questions)");
  const added = Date.now() - started;
  // Stored checked, with a stamp; the app restarted on it (a full page load).
  const stamp = () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("open-door.pack."));
    return JSON.parse(localStorage.getItem(key)).stamp;
  });
  const stamped = await stamp();
  const startUp = async () => {
    const begun = Date.now();
    await page.reload();
    await ready(page);
    return Date.now() - begun;
  };
  const withStamp = await startUp();
  assert.equal(await stamp(), stamped, "a start-up of the same version does not check it again");
  // A stamp that no longer matches (as after an update of the app): checked again, and stamped anew.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("open-door.pack."));
    const stored = JSON.parse(localStorage.getItem(key));
    localStorage.setItem(key, JSON.stringify({ ...stored, stamp: "from-an-older-version" }));
  });
  const checkedAgain = await startUp();
  assert.equal(await stamp(), stamped, "the full check is recorded");
  assert.match(await page.textContent("ul.packs"), /\(300 questions\)/);
  // Budgets are the benchmark's business; the times are reported here only.
  console.log(`# 300-question pack: added in ${added} ms; start-up ${withStamp} ms, ${checkedAgain} ms when checked again`);
  watcher.assertClean();
  await context.close();
});

test("an altered or cut pack link is refused with a message and never runs in part", async () => {
  const teacher = await freshPage(app);
  await addPack(teacher.page, EXAMPLE_PACK);
  const link = await classLinkOf(teacher.page, ["handout-1-01", "002-01"]);
  await teacher.context.close();

  const [base, fragment] = link.split("#");
  const at = fragment.length - 10;
  const flipped = fragment.slice(0, at) + (fragment[at] === "A" ? "B" : "A") + fragment.slice(at + 1);
  for (const [what, broken] of [
    ["one character changed", `${base}#${flipped}`],
    ["cut short", `${base}#${fragment.slice(0, Math.floor(fragment.length / 2))}`],
    ["fragment dropped", base],
  ]) {
    const student = await freshPage(app);
    await student.page.goto(broken);
    await student.page.waitForSelector("h2:text-is('This quiz needs a question pack')");
    const text = await student.page.textContent(".needs-pack");
    assert.match(text, what === "fragment dropped" ? /its end was lost on the way/ : /changed or cut short/, what);
    // The whole link again mends it; a pack file would too.
    assert.match(text, /Open the link again, copied whole from your teacher; or ask for the pack file/, what);
    assert.equal(await student.page.locator("form.question").count(), 0, `${what}: no quiz runs`);
    // As advised, the link again, whole, in the same tab (the browser only
    // scrolls for a new fragment): the quiz starts.
    await student.page.goto(link);
    await student.page.waitForSelector("form.question legend");
    student.watcher.assertClean();
    await student.context.close();
  }
});

test("a pack link whose checking module stalls still starts, and says why the quiz cannot run yet", async (t) => {
  const teacher = await freshPage(app);
  await addPack(teacher.page, EXAMPLE_PACK);
  const link = new URL(await classLinkOf(teacher.page, ["handout-1-01", "002-01"]));
  await teacher.context.close();

  // The student's network delivers the main module but stalls on every other.
  const delays = Object.fromEntries(appFiles().lazyModules.map((path) => [path, 30000]));
  const slow = await serve(DIST, 0, { delays });
  const context = await app.browser.newContext({ serviceWorkers: "block" });
  t.after(async () => { await context.close(); await slow.close(); });
  const page = await context.newPage();
  await page.goto(slow.url + link.pathname + link.search + link.hash);
  await page.waitForSelector("h2:text-is('This quiz needs a question pack')", { timeout: 25000 });
  assert.match(await page.textContent(".needs-pack"), /did not download\. Check the connection, then reload the page\./);
  assert.equal(await page.locator("form.question").count(), 0, "no quiz runs without its questions");

  // The button that adds the pack is in the stalled module too: after 10 s
  // it says in its place that it is still coming, and leaves the focus
  // where the student put it.
  await page.focus(".needs-pack a");
  await page.waitForSelector(".needs-pack [role=status]:has-text('This is taking a long time')", { timeout: 15000 });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Or choose another quiz");
});

test("a start without the packs' module keeps every saved pack quiz, and the next start resumes it", async (t) => {
  const port = await freePort();
  let server = await serve(DIST, port);
  const context = await app.browser.newContext({ serviceWorkers: "block" });
  t.after(async () => { await context.close(); await server.close(); });
  const page = await context.newPage();
  await addPack(page, EXAMPLE_PACK, "kept.json", server.url);
  await page.waitForSelector("ul.packs");
  const quiz = "/quiz/play?ids=handout-1-01,handout-1-02&seed=2&mode=practice";
  await page.goto(server.url + quiz);
  await answerShown(page);
  await page.click("text=Next question");
  await page.waitForSelector("h2:text-is('Question 2 of 2')");
  const saved = await page.evaluate(() => localStorage.getItem("open-door.progress"));

  // The packs' module cannot be fetched: the app starts, says so, and saves nothing.
  await server.close();
  server = await serve(DIST, port, { missing: appFiles().lazyModules });
  await page.goto(server.url + "/");
  await page.waitForSelector("text=could not be loaded this time");
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.progress")), saved, "saved progress untouched");

  // Back to normal: the pack quiz resumes where it was.
  await server.close();
  server = await serve(DIST, port);
  await page.goto(server.url + quiz);
  await page.waitForSelector("h2:text-is('Question 2 of 2')");
});

test("the Classroom page, a pack link and the needs-pack screen are axe clean in both schemes", async () => {
  for (const scheme of ["light", "dark"]) {
    const { page, watcher, context } = await freshPage(app, { colorScheme: scheme });
    await addPack(page, EXAMPLE_PACK);
    await page.click("summary:has-text('How to write a pack')");
    const link = await classLinkOf(page, ["handout-1-01"]);
    assert.deepEqual(await violations(page), [], `Classroom, ${scheme}`);
    await page.click("text=Show the QR code full screen");
    await page.waitForSelector(".qr-full");
    assert.deepEqual(await violations(page), [], `full-screen QR, ${scheme}`);
    await page.keyboard.press("Escape");
    const student = await context.browser().newContext({ colorScheme: scheme });
    const studentPage = await student.newPage();
    await studentPage.goto(link.split("#")[0]);
    await studentPage.waitForSelector(".needs-pack");
    assert.deepEqual(await violations(studentPage), [], `needs-pack screen, ${scheme}`);
    await student.close();
    watcher.assertClean();
    await context.close();
  }
});

test("the follow-up quiz from a pack quiz's class results carries the pack to the students", async () => {
  const teacher = await freshPage(app, { acceptDownloads: true });
  await addPack(teacher.page, EXAMPLE_PACK);
  await teacher.page.waitForSelector(`.message-done >> text=The pack "${PACK_NAME}" was added (2 questions).`);
  const link = await classLinkOf(teacher.page, ["handout-1-01", "handout-1-02"]);

  // A student with no pack takes it, getting both wrong (the example's
  // wrong choices, read from the pack itself), and hands in.
  const wrong = JSON.parse(EXAMPLE_PACK).questions.map((q) => q.choices.find((c) => !q.answer.includes(c)));
  const file = await handIn(link, wrong, "pack-student.json");

  await teacher.page.goto(app.url + "/classroom");
  await ready(teacher.page);
  await teacher.page.setInputFiles("#class-files", file);
  await teacher.page.waitForSelector(".class-table");
  await teacher.page.click("text=Make a follow-up quiz of the most-missed questions");
  // Its heading takes the focus once the link is made, which for a pack's
  // waits for the pack's compression; so it does back from the projector.
  const headingFocused = (how) => teacher.page.waitForFunction(() => document.activeElement?.id === "follow-up-heading", null, { timeout: 3000 })
    .catch(() => assert.fail(`the follow-up's heading has the focus ${how}`));
  await headingFocused("once made");
  const followUp = await teacher.page.textContent(".follow-up .share-link");
  assert.match(followUp, /&pack=Class%209B%3A[^#]+#pack=[0-9a-f]{16}\./, "the follow-up link carries the pack");
  await teacher.page.click("text=Show them on the projector");
  await teacher.page.waitForSelector(".projector-prompt");
  await teacher.page.click("text=Back to the Classroom page");
  await headingFocused("back from its projector");
  assert.equal(await teacher.page.textContent(".follow-up .share-link"), followUp);
  teacher.watcher.assertClean();
  await teacher.context.close();

  // On another device with no pack, the follow-up runs its pack questions.
  const other = await freshPage(app);
  await other.page.goto(followUp);
  await other.page.waitForSelector("form.question legend");
  assert.match(await other.page.textContent("form.question legend"), /class handout/);
  other.watcher.assertClean();
  await other.context.close();
});

test("an honest pack result is not called edited where the pack is missing or corrected since: the table says it cannot mark it here", async () => {
  const teacher = await freshPage(app, { acceptDownloads: true });
  await addPack(teacher.page, EXAMPLE_PACK);
  await teacher.page.waitForSelector(`.message-done >> text=The pack "${PACK_NAME}" was added (2 questions).`);
  const link = await classLinkOf(teacher.page, ["handout-1-01", "handout-1-02"]);
  // A student answers both right, by the pack the link carries, and hands in.
  const right = JSON.parse(EXAMPLE_PACK).questions.map((q) => q.answer[0]);
  const file = await handIn(link, right, "pack-result.json");

  /** The one row of the class table of `file`, and the status line. */
  async function readAlone(page) {
    await page.setInputFiles("#class-files", file);
    await page.waitForSelector(".class-table");
    const row = await page.textContent(".class-table tbody tr");
    assert.match(row, /2 of 2/, "the score the student's device gave, which the code covers");
    assert.match(row, /not counted/);
    assert.doesNotMatch(row, /Does not match|the file's claim/, "an honest file is not called edited");
    assert.match(await page.textContent(".class-status"), /none counted: 1 this device cannot mark/);
    assert.deepEqual(await violations(page), []);
    return row;
  }

  // Marked at home, on a device without the pack: it asks for the pack.
  const home = await freshPage(app);
  await home.page.goto(app.url + "/classroom");
  await ready(home.page);
  assert.match(await readAlone(home.page), /Not marked here: Its code matches, but its quiz uses questions this device does not have\. If they come from a question pack, add the pack/);
  home.watcher.assertClean();
  await home.context.close();

  // The teacher corrects the pack after the lesson: the second answer moves.
  const corrected = JSON.parse(EXAMPLE_PACK);
  corrected.questions[1].answer = ["False"];
  await addPack(teacher.page, JSON.stringify(corrected), "corrected.json");
  await teacher.page.waitForSelector(`.message-done >> text=The pack "${PACK_NAME}" was replaced by the file's copy (2 questions).`);
  assert.match(await readAlone(teacher.page), /Not marked here: Its code matches, but its questions have changed on this device since the quiz.*here its answers score 1 of 2/);
  teacher.watcher.assertClean();
  await teacher.context.close();
});
