// The teacher's tools: a class link with its QR code, the projector and the
// printed worksheet of the same quiz, and
// custom question packs that are validated before anything is stored.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { answerShown, assertFormKept, builderForm, eraseMyData, freshPage, makeArticle5Link, ready, scratchDir, showTheWholeAnswer, startApp, startTheClock, violations } from "./helpers.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const scratch = scratchDir("classroom");
const EXAMPLE_PACK = readFileSync("docs/example-pack.json", "utf8");

test("a class link with a QR code, its projector view and its printed worksheet", async () => {
  const { page, watcher, context } = await freshPage(app);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  await page.goto(app.url + "/classroom");
  await ready(page);
  const link = await makeArticle5Link(page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/quiz\/play\?check=[A-Z2-9]{4}&ids=[0-9a-z,-]+&seed=\d+&mode=practice$/);
  assert.equal(link.split("ids=")[1].split("&")[0].split(",").length, 5);
  // Untitled, it is named by the one topic ticked, which its questions
  // share, and by no other topic some of them are also on.
  assert.equal(await page.textContent(".share-quiz"), "Quiz on Article 5: what it promises: 5 questions, practice with no time limit.");
  assert.ok((await page.getAttribute("svg.qr path", "d")).length > 500, "the QR code is drawn");
  await page.click("text=Copy link");
  await page.waitForSelector("text=Copied.");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  // The projector shows the same questions in the same order as the link.
  const student = await context.newPage();
  await student.goto(link);
  await student.waitForSelector("form.question legend");
  const firstPrompt = await student.textContent("form.question legend");
  await student.close();

  await page.click("text=Show on the projector");
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent(".projector-prompt"), firstPrompt);
  assert.equal(await page.locator(".projector-answer").count(), 0, "the answer waits for the teacher");
  await page.keyboard.press("r");
  await page.waitForSelector(".projector-answer blockquote");
  // The explanation and evidence come into view, as the class cannot
  // scroll: at once, or, for an answer longer than its box (treaty-08 at
  // this size, one of the topic's 26 questions, which the link's random
  // seed put first in about 1 run in 26), after the clicker's Page Down
  // has shown the rest of it.
  const inView = (selector) => {
    const rect = document.querySelector(selector).getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= innerHeight;
  };
  await showTheWholeAnswer(page);
  await page.waitForFunction(inView, ".projector-answer blockquote", { timeout: 2000 });
  await page.keyboard.press("n");
  await page.waitForSelector("text=Question 2 of 5");
  assert.equal(await page.locator(".projector-answer").count(), 0);
  assert.ok(await page.evaluate(inView, ".projector-prompt"), "the next question shows from its top");
  await page.keyboard.press("p");
  await page.waitForSelector("text=Question 1 of 5");

  await page.goBack();
  await page.goto(link.replace("/quiz/play?", "/classroom/print?"));
  await ready(page);
  assert.equal(await page.locator(".sheet-question").count(), 5);
  assert.equal(await page.locator(".answer-key li").count(), 5);
  assert.equal(await page.locator(".answer-key blockquote").count(), 5);
  await page.emulateMedia({ media: "print" });
  for (const hidden of ["header.site-header", "footer", "button"]) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  watcher.assertClean();
  await context.close();
});

test("the class link is there again after the projector, the worksheet and a reload; a link of no questions is refused", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.check("#topic-article-5");
  await page.check("#count-5");
  await page.fill("#quiz-title", "9B: Article 5 check");
  await page.click("text=Make the class link");
  // The button is at the form's foot, and on a phone all that it made was
  // below the screen: the link's heading takes the focus and the screen's top.
  await page.waitForFunction(() => document.activeElement?.id === "share-heading");
  const headingTop = await page.evaluate(() => document.getElementById("share-heading").getBoundingClientRect().top);
  assert.ok(headingTop >= 4 && headingTop < 40, `the class link's heading at the top of the screen (${headingTop} px)`);
  for (const name of ["Copy link", "Show on the projector", "Print worksheet and answer key"]) {
    const button = await page.locator(`.share :text-is('${name}')`).boundingBox();
    assert.ok(button.y + button.height <= 740, `"${name}" is on the screen with the link (bottom at ${button.y + button.height})`);
  }
  const link = await page.textContent(".share-link");
  assert.equal(await page.textContent(".share-quiz"), "9B: Article 5 check: 5 questions, practice with no time limit.");
  const sameLink = async (how) => {
    await page.waitForSelector(".share-link");
    assert.equal(await page.textContent(".share-link"), link, `the same link ${how}`);
    assert.equal(await page.textContent(".share-quiz"), "9B: Article 5 check: 5 questions, practice with no time limit.");
  };
  // Back, the class link's heading has the focus, a few Tabs from the
  // buttons used, not the page's top (20 Tabs away; a keyboard walk); the
  // address that led there keeps no trace of it, for a reload or a later
  // Back. First by the browser's Back, from the address the link was made at.
  const focusOnTheLink = async (how) => {
    await page.waitForFunction(() => document.activeElement?.id === "share-heading", null, { timeout: 2000 }).catch(() => assert.fail(`the class link's heading has the focus ${how}`));
    assert.equal(await page.evaluate(() => location.hash), "", `no fragment left in the address ${how}`);
  };
  assert.equal(await page.evaluate(() => location.hash), "");
  await page.click("text=Print worksheet and answer key");
  await page.waitForSelector(".sheet-question");
  await page.goBack();
  await sameLink("after Back from the worksheet");
  await focusOnTheLink("after Back from the worksheet");
  await page.click("text=Show on the projector");
  await page.waitForSelector(".projector-prompt");
  await page.click("text=Back to the Classroom page");
  await sameLink("after the projector's own link back");
  await focusOnTheLink("after the projector's own link back");
  await page.click("text=Print worksheet and answer key");
  await page.waitForSelector(".sheet-question");
  await page.click("text=Back to the Classroom page");
  await focusOnTheLink("after the worksheet's own link back");
  // It went back, as Back does, rather than adding a step that the phone's
  // Back would undo by opening the worksheet again: Forward finds it.
  await page.goForward();
  await page.waitForSelector(".sheet-question");
  await page.goBack();
  await sameLink("after Forward to the worksheet and Back");
  await page.reload();
  await ready(page);
  await sameLink("after a reload");
  // Drawn again, not made: the page starts at its top, with the form.
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), "share-heading", "a link kept for the tab takes no focus");
  assert.equal(await page.evaluate(() => window.scrollY), 0, "a link kept for the tab does not scroll the page to it");

  // Ticks that match nothing make no link, and say so beside the button
  // (the form is as the link was made: Article 5 is ticked).
  await page.uncheck("#topic-article-5");
  await page.check("#topic-ukraine-road");
  await page.check("#article-treaty");
  await page.click("text=Make the class link");
  assert.equal(await page.locator("form.builder ~ .message-problem").first().textContent(), "No question matches the ticked topics and articles: untick some.");
  assert.equal(await page.locator(".share-link").count(), 0, "no link of no questions to hand out");
  await page.reload();
  await ready(page);
  await sameLink("after the refused one: the last link made");
  await eraseMyData(page, app.url);
  await page.goto(app.url + "/classroom");
  await ready(page);
  assert.equal(await page.locator(".share-link").count(), 0, "erased with the rest");
  watcher.assertClean();
  await context.close();
});

test("a test and a practice quiz made in turn: the test's link stays listed to copy again, after a reload too", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await page.goto(app.url + "/classroom");
  await ready(page);
  const test = await makeArticle5Link(page, { title: "Test A", mode: "test", minutes: 10 });
  assert.equal(await page.locator(".earlier-links").count(), 0, "nothing made before");
  // A quiz of no questions, refused in between, clears the link on the
  // page: the test's link is still the one the practice link replaces.
  await page.uncheck("#topic-article-5");
  await page.check("#topic-ukraine-road");
  await page.check("#article-treaty");
  await page.click("text=Make the class link");
  await page.waitForSelector("form.builder ~ .message-problem");
  assert.equal(await page.locator(".share-link").count(), 0);
  await page.check("#topic-article-5");
  await page.uncheck("#topic-ukraine-road");
  await page.uncheck("#article-treaty");
  await page.check("#mode-practice");
  await page.fill("#quiz-title", "Warm-up");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-new-quiz");
  const practice = await page.textContent(".share-link");
  assert.notEqual(practice, test);
  for (const when of ["made", "after a reload"]) {
    if (when !== "made") {
      await page.reload();
      await ready(page);
    }
    assert.equal(await page.textContent(".share-link"), practice, `${when}: the last link above`);
    assert.deepEqual(await page.locator(".earlier-link").allTextContents(), [test], `${when}: the test's link below`);
    assert.match(await page.textContent(".earlier-links li"), /^Test A: 5 questions, a test with a 10-minute time limit\./);
  }
  assert.deepEqual(await violations(page), []);
  // Each link's buttons are described by the quiz they are for, "Copy
  // link" too: a screen reader's list of buttons said it twice, unnamed.
  const describedAs = (button) =>
    page.$$eval(button, (buttons) => buttons.map((b) => document.getElementById(b.getAttribute("aria-describedby") ?? "")?.textContent ?? null));
  for (const button of ["button:text-is('Copy link')", "button:text-is('Show the QR code full screen')"]) {
    const [shared, made] = await describedAs(button);
    assert.match(shared ?? "", /^Warm-up: 5 questions/, `${button} of the link above`);
    assert.match(made ?? "", /^Test A: 5 questions/, `${button} of the link made before`);
  }
  // The test made before keeps its QR code, projector and worksheet: the
  // lesson hands out the practice quiz first, and the test after it.
  const earlier = page.locator(".earlier-links li");
  await earlier.locator("button:text-is('Show the QR code full screen')").click();
  const practiceCode = await page.getAttribute(".share svg.qr path", "d");
  const testCode = await page.getAttribute(".qr-full svg.qr path", "d");
  assert.ok(testCode.length > 500 && testCode !== practiceCode, "the test's own code, not the practice quiz's");
  // Titled as the test, not as the practice quiz of the same title.
  assert.equal(await page.textContent(".qr-full .qr-title"), "Test A (a test with a 10-minute time limit): scan the code to open the quiz");
  await page.keyboard.press("Escape");
  await page.waitForSelector(".qr-full", { state: "detached" });
  await earlier.locator("a:text-is('Show on the projector')").click();
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent("h1"), "Test A");
  // Back, the focus is on the line naming the quiz whose button was used,
  // not on the link above (a review).
  const focusOnTheTest = () =>
    page.waitForFunction(() => document.activeElement?.id === "earlier-quiz-0", null, { timeout: 2000 }).catch(() => assert.fail("the test's line has the focus"));
  await page.goBack();
  await focusOnTheTest();
  await earlier.locator("a:text-is('Print worksheet and answer key')").click();
  await page.waitForSelector("h1:text-is('Worksheet: Test A')");
  await page.goBack();
  await page.waitForSelector(".earlier-link");
  await focusOnTheTest();
  // The practice quiz made again with a corrected title is the same quiz:
  // nothing more is listed.
  await page.fill("#quiz-title", "Warm up");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-link:has-text('Warm%20up')");
  assert.deepEqual(await page.locator(".earlier-link").allTextContents(), [test]);
  watcher.assertClean();
  await context.close();
});

test("a class quiz chosen and not yet made comes back after a look at the sources and Back, and after a reload", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.click("summary:has-text('Or pick single questions')");
  await page.check("#pick-003-05");
  await page.check("#pick-000-01");
  await page.check("#topic-joining");
  await page.check("#mode-test");
  await page.selectOption("#minutes", "10");
  await page.fill("#quiz-title", "9C: joining");
  const chosen = await builderForm(page);
  assert.deepEqual(chosen.ticked, ["count-10", "mode-test", "pick-000-01", "pick-003-05", "topic-joining"]);
  // A look at a source by the menu, then Back: nothing made yet, nothing lost.
  await assertFormKept(page, chosen, async () => {
    await page.click("button.menu-button");
    await page.click("nav a:text-is('Sources')");
    await page.waitForSelector("main h1:text-is('Sources')");
  });
  await page.waitForSelector("summary:has-text('(2 picked)')");
  await page.click("text=Make the class link");
  assert.match(await page.textContent(".share-link"), /\/quiz\/play\?check=[A-Z2-9]{4}&ids=003-05,000-01&seed=\d+&mode=test&minutes=10&title=9C/);
  watcher.assertClean();
  await context.close();
});

test("a corrected title keeps the class's quiz, more time its questions; Enter in the question search makes no link; a changed quiz says it is another one", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await page.goto(app.url + "/classroom");
  await ready(page);
  const first = await makeArticle5Link(page, { title: "9B Artcle 5", mode: "test", minutes: 10 });
  assert.equal(await page.textContent(".share-quiz"), "9B Artcle 5: 5 questions, a test with a 10-minute time limit.");
  const quizOf = (link) => link.replace(/check=[A-Z2-9]{4}&/, "").replace(/&title=[^&#]*/, "");

  // The typo seen after the link went out, and after the projector: the
  // form is as it was, and the same questions, shuffled the same way, come
  // under the corrected title.
  await page.click("text=Show on the projector");
  await page.waitForSelector(".projector-prompt");
  await page.click("text=Back to the Classroom page");
  await page.waitForSelector(".share-link");
  assert.deepEqual(
    await page.evaluate(() => ["#topic-article-5", "#count-5", "#mode-test"].map((id) => document.querySelector(id).checked)),
    [true, true, true],
  );
  assert.equal(await page.inputValue("#minutes"), "10");
  assert.equal(await page.inputValue("#quiz-title"), "9B Artcle 5");
  await page.fill("#quiz-title", "9B: Article 5 check");
  await page.press("#quiz-title", "Enter");
  await page.waitForSelector('.share-quiz:text-is("9B: Article 5 check: 5 questions, a test with a 10-minute time limit.")');
  const corrected = await page.textContent(".share-link");
  assert.notEqual(corrected, first);
  assert.equal(quizOf(corrected), quizOf(first));
  assert.equal(await page.locator(".share-new-quiz").count(), 0, "not announced as a new quiz");

  // Enter in the question search searches; the class's link stays.
  await page.click("text=Or pick single questions");
  await page.fill("#pick-search", "Hungary");
  await page.press("#pick-search", "Enter");
  await page.waitForSelector(".single-picker [role=status]");
  assert.equal(await page.textContent(".share-link"), corrected);
  await page.reload();
  await ready(page);
  assert.equal(await page.textContent(".share-link"), corrected, "the kept link is still the class's");

  // More time for the class: a new link, with the same questions in the
  // same order (the worksheets printed still match), the one before listed.
  const questionsOf = (link) => ["ids", "seed"].map((key) => new URL(link).searchParams.get(key));
  await page.selectOption("#minutes", "20");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-new-quiz");
  const longer = await page.textContent(".share-link");
  assert.deepEqual(questionsOf(longer), questionsOf(corrected));
  assert.equal(await page.textContent(".share-quiz"), "9B: Article 5 check: 5 questions, a test with a 20-minute time limit.");
  assert.equal(await page.textContent(".share-new-quiz"), "The same questions in the same order as the link made before, with another time limit: worksheets printed for it still match, but a class that is to have this time limit needs this link and QR code. The one before is listed below.");
  assert.deepEqual(await page.locator(".earlier-link").allTextContents(), [corrected]);
  // A practice quiz beside the test is drawn afresh: on the test's own
  // questions it would give their answers away.
  await page.check("#mode-practice");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-quiz:text-is('9B: Article 5 check: 5 questions, practice with a 20-minute time limit.')");
  assert.notDeepEqual(questionsOf(await page.textContent(".share-link")), questionsOf(longer));
  assert.match(await page.textContent(".share-new-quiz"), /^This is another quiz than the link made before/);
  await page.check("#mode-test");

  // Other questions are another quiz, and the page says so.
  await page.check("#count-10");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-new-quiz");
  assert.notEqual(quizOf(await page.textContent(".share-link")), quizOf(corrected));
  // The title typed for the test, left in the form, would name this one
  // too: the page says so.
  assert.equal(await page.textContent(".share-new-quiz"), "This is another quiz than the link made before (its questions, its mode or both): a class that is to take this one needs this link and QR code. The one before is listed below. This quiz has the same title as the one before, “9B: Article 5 check”. To give it its own, change the title above and make the link again: its questions stay the same.");
  const tenQuestions = await page.textContent(".share-link");
  await page.fill("#quiz-title", "9B: Article 5, ten questions");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-quiz:text-is('9B: Article 5, ten questions: 10 questions, a test with a 20-minute time limit.')");
  assert.equal(quizOf(await page.textContent(".share-link")), quizOf(tenQuestions), "retitled, the same questions");
  assert.equal(await page.locator(".share-new-quiz").count(), 0);
  // Another quiz with a title of its own: nothing about the title.
  await page.check("#count-5");
  await page.fill("#quiz-title", "9B: Article 5, five questions");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-quiz:text-is('9B: Article 5, five questions: 5 questions, a test with a 20-minute time limit.')");
  assert.equal(await page.textContent(".share-new-quiz"), "This is another quiz than the link made before (its questions, its mode or both): a class that is to take this one needs this link and QR code. The one before is listed below.");
  assert.deepEqual(await violations(page), []);
  watcher.assertClean();
  await context.close();
});

test("a class link cut short when copied is refused with what to do, never run as another quiz; one that picked up a sentence's punctuation opens", async () => {
  const teacher = await freshPage(app);
  await teacher.page.goto(app.url + "/classroom");
  await ready(teacher.page);
  await teacher.page.check("#count-10");
  await teacher.page.check("#mode-test");
  await teacher.page.selectOption("#minutes", "10");
  await teacher.page.fill("#quiz-title", "Lesson 4 check");
  await teacher.page.click("text=Make the class link");
  const link = await teacher.page.textContent(".share-link");
  await teacher.context.close();

  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  // Cut after the sixth question (a chat app's line break), inside an id,
  // inside the seed, and inside the mode: each would have run some other quiz.
  const ids = new URL(link).searchParams.get("ids").split(",");
  const cuts = [
    link.slice(0, link.indexOf(ids[6]) - 1),
    link.slice(0, link.indexOf(ids[3]) + 3),
    link.slice(0, link.indexOf("&seed=") + 9),
    link.slice(0, link.indexOf("mode=") + 7),
  ];
  for (const cut of cuts) {
    await page.goto(cut);
    await page.waitForSelector("h2:text-is('This link is not whole')");
    assert.match(await page.textContent(".cut-link"), /Ask for the whole link again, or scan its QR code\./);
    assert.equal(await page.textContent("h1"), "Quiz", `no title the link may have lost part of (${cut})`);
    assert.equal(await page.locator("form.question, .time-left").count(), 0, "no question and no clock");
  }
  assert.deepEqual(await violations(page), []);
  // Nothing was started: the home page offers nothing to resume.
  await page.goto(app.url + "/");
  await ready(page);
  assert.equal(await page.locator("text=Resume").count(), 0);
  // The whole link is the teacher's quiz, also with the full stop and
  // bracket of the sentence it was pasted into ("(the link: ….)"), which
  // an address bar sends as they are.
  await page.goto(`${link}).`);
  await page.waitForSelector("button:text-is('Start the quiz')");
  assert.equal(await page.textContent("h1"), "Lesson 4 check");
  await page.goto(link);
  await startTheClock(page);
  await page.waitForSelector("h2:text-is('Question 1 of 10')");
  assert.equal(await page.textContent("h1"), "Lesson 4 check");
  assert.match(await page.textContent(".time-left"), /^Time left: (10:00|9:5\d)$/);
  watcher.assertClean();
  await context.close();
});

test("a class link on two ticked topics is named after them wherever it goes, though its questions are on a third topic too; one on a source, after the source", async () => {
  const { page, watcher, context } = await freshPage(app);
  // The draw of seed 19 on these two topics: its questions alone would
  // name the quiz "Article 5: what it promises and Finland and Sweden".
  await page.addInitScript(() => { Math.random = () => 19.5 / 4294967295; });
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.check("#topic-joining");
  await page.check("#topic-article-5");
  await page.click("text=Make the class link");
  const link = await page.textContent(".share-link");
  assert.match(link, /&seed=19&mode=practice&about=joining%2Carticle-5$/);
  const title = "Quiz on How a country joins NATO and Article 5: what it promises";
  for (const [path, heading] of [["/classroom/projector?", title], ["/classroom/print?", `Worksheet: ${title}`]]) {
    await page.goto(link.replace("/quiz/play?", path));
    await ready(page);
    assert.equal(await page.textContent("main h1"), heading);
  }
  // The student's quiz, saved: its place in the home page's list once left.
  await page.goto(link);
  await answerShown(page);
  await page.goto(app.url + "/");
  await page.waitForSelector(".resume-list");
  assert.equal(await page.textContent(".resume-list a"), `Resume: ${title}`);
  // A quiz on a source ticked alone is named after the source.
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.uncheck("#topic-joining");
  await page.uncheck("#topic-article-5");
  await page.check("#article-002");
  await page.click("text=Make the class link");
  const onSource = await page.textContent(".share-link");
  assert.match(onSource, /&about=002$/);
  await page.goto(onSource.replace("/quiz/play?", "/classroom/print?"));
  await ready(page);
  assert.equal(await page.textContent("main h1"), "Worksheet: Quiz on the AP report from Bucharest");
  watcher.assertClean();
  await context.close();
});

test("a class quiz from single questions lists exactly those", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.click("summary:has-text('Or pick single questions')");
  await page.check("#pick-003-05");
  await page.check("#pick-000-01");
  await page.waitForSelector("summary:has-text('(2 picked)')");
  assert.equal(await page.textContent("form.builder > p[role=status]"), "The quiz will ask the 2 questions picked, whatever topics, articles and number are ticked.");
  await page.click("text=Make the class link");
  const link = await page.textContent(".share-link");
  assert.match(link, /\/quiz\/play\?check=[A-Z2-9]{4}&ids=003-05,000-01&seed=\d+&mode=practice$/);
  // A topic ticked to narrow the list, another number, a title: the picked
  // questions are still the quiz, in the same order (a teacher's walk found
  // them drawn afresh, and the class's link called another quiz).
  await page.check("#topic-article-5");
  await page.check("#count-20");
  await page.fill("#quiz-title", "9B picks");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-quiz:text-is('9B picks: 2 questions, practice with no time limit.')");
  const retitled = await page.textContent(".share-link");
  assert.equal(retitled.replace(/check=[A-Z2-9]{4}&/, "").replace("&title=9B%20picks", ""), link.replace(/check=[A-Z2-9]{4}&/, ""));
  assert.equal(await page.locator(".share-new-quiz").count(), 0);
  watcher.assertClean();
  await context.close();
});

test("the single-question picker follows the ticked topics and texts and a search, and shows no ids", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.click("summary:has-text('Or pick single questions')");
  const visible = () => page.locator(".single-picker .choice:visible").count();
  const all = await visible();
  assert.ok(all > 50, `every question at first (${all})`);
  assert.doesNotMatch(await page.textContent(".single-picker"), /\b00\d-\d\d\b/, "no internal ids");
  const status = () => page.textContent(".single-picker [role=status]");
  assert.equal(await status(), `${all} questions match.`);
  await page.check("#topic-article-5");
  const onTopic = await visible();
  assert.ok(onTopic > 0 && onTopic < all, `the topic narrows it (${onTopic})`);
  // The ticks made for a quiz before hide the others: said, not left to
  // be taken for all there is.
  assert.equal(await status(), `${onTopic} of ${all} questions match: only those on the ticked topics and articles are listed.`);
  // Words found only off the ticked topic: said, not "no question".
  await page.fill("#pick-search", "Bucharest");
  await page.waitForFunction(() => document.querySelector(".single-picker [role=status]").textContent.startsWith("No question on"));
  assert.match(await status(), /^No question on the ticked topics and articles matches; \d+ on others do: untick them to see those\.$/);
  assert.equal(await visible(), 0);
  await page.fill("#pick-search", "Kyiv visit");
  const found = await visible();
  assert.ok(found > 0 && found < onTopic, `the search narrows it further (${found})`);
  for (const label of await page.locator(".single-picker .choice:visible label").allTextContents()) {
    assert.match(label, /kyiv visit/i);
  }
  await page.waitForSelector(`.single-picker [role=status] >> text=${found} question`);
  await page.fill("#pick-search", "zzzz no such words");
  await page.waitForSelector(".single-picker >> text=No question matches");
  // A question ticked and then hidden by the search stays picked.
  await page.fill("#pick-search", "");
  await page.locator(".single-picker .choice:visible input").first().check();
  await page.fill("#pick-search", "zzzz");
  await page.waitForSelector("summary:has-text('(1 picked)')");
  assert.equal(await status(), "No question matches the search. 1 picked question is not listed: it stays in the quiz.");
  watcher.assertClean();
  await context.close();
});

test("file inputs are buttons a keyboard reaches, with a visible focus ring", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/classroom");
  await ready(page);
  for (const id of ["class-files", "pack-file"]) {
    let presses = 0;
    while ((await page.evaluate(() => document.activeElement.id)) !== id) {
      await page.keyboard.press("Tab");
      assert.ok(++presses < 200, `Tab never reaches #${id}`);
    }
    const outline = await page.$eval(`label[for=${id}]`, (label) => getComputedStyle(label).outlineStyle);
    assert.equal(outline, "solid", `${id}: the button shows the focus`);
    assert.equal(await page.$eval(`label[for=${id}]`, (label) => getComputedStyle(label).borderTopStyle), "solid", `${id} looks like a button`);
  }
  watcher.assertClean();
  await context.close();
});

test("the pack format is explained in the app, with an example to download, and no page points to the README", async () => {
  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true });
  await page.goto(app.url + "/classroom");
  await ready(page);
  assert.doesNotMatch(await page.textContent("body"), /README/);
  await page.click("summary:has-text('How to write a pack')");
  assert.match(await page.textContent(".pack-format"), /evidence: words copied exactly from the text/);
  const [example] = await Promise.all([page.waitForEvent("download"), page.click("text=Download an example pack")]);
  const file = join(scratch, "example.json");
  await example.saveAs(file);
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), JSON.parse(EXAMPLE_PACK));
  await page.waitForSelector(".message-done >> text=The example pack was saved");
  watcher.assertClean();
  await context.close();
});

test("a question pack is added (kept across the reload), used in a quiz and the source reader, exported and removed", async () => {
  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true });
  const packFile = join(scratch, "pack.json");
  writeFileSync(packFile, EXAMPLE_PACK);
  await page.goto(app.url + "/classroom");
  await ready(page);
  await Promise.all([page.waitForEvent("load"), page.setInputFiles("#pack-file", packFile)]);
  await ready(page);
  await page.waitForSelector(".message-done >> text=The pack \"Class 9B: the Washington Treaty handout\" was added (2 questions).");
  assert.match(await page.textContent("ul.packs"), /Class 9B: the Washington Treaty handout \(2 questions\)/);
  // The page reloaded on the change: the focus is back on the packs'
  // section, its message in view, not on the top of the page.
  const packsInFocus = () => page.waitForFunction(() => {
    const heading = document.activeElement;
    const message = document.querySelector(".pack-messages").getBoundingClientRect();
    return heading?.id === "packs-heading" && heading.getBoundingClientRect().top >= 0 && message.bottom <= innerHeight;
  }, null, { timeout: 3000 }).catch(() => assert.fail("the packs' heading has the focus, with the message in view"));
  await packsInFocus();
  await page.click("summary:has-text('Or pick single questions')");
  await page.check("#pick-handout-1-01");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-link");
  // The same file again changes nothing: its link stays, and the teacher is
  // not told to make it again.
  await page.setInputFiles("#pack-file", packFile);
  await page.waitForSelector(".pack-messages .message-done >> text=is on this device already, the same as this file: nothing was changed");
  assert.equal(await page.locator(".share-link").count(), 1, "the class link stays");
  // A corrected copy (the same name) replaces it: its ids are not refused
  // as in use by itself. A copy with a mistake is refused for the mistake.
  const corrected = JSON.parse(EXAMPLE_PACK);
  corrected.questions[0].choices[1] = "By a simple majority of the allies";
  const broken = structuredClone(corrected);
  broken.questions[0].evidence = "by a show of hands";
  writeFileSync(packFile, JSON.stringify(broken));
  await page.setInputFiles("#pack-file", packFile);
  await page.waitForSelector(".pack-messages .message-problem >> text=evidence is not found verbatim");
  assert.doesNotMatch(await page.textContent(".pack-messages"), /already in use|already has this id/);
  writeFileSync(packFile, JSON.stringify(corrected));
  await Promise.all([page.waitForEvent("load"), page.setInputFiles("#pack-file", packFile)]);
  await ready(page);
  await page.waitForSelector(".message-done >> text=The pack \"Class 9B: the Washington Treaty handout\" was replaced by the file's copy (2 questions).");
  await packsInFocus();
  assert.equal(await page.locator("ul.packs li").count(), 1);
  assert.match(await page.textContent(".pack-messages .message-done"), /Make its class links again/);
  assert.equal(await page.locator(".share-link").count(), 0, "the link made with the old copy is not offered again");
  // Made again, the link is not said to replace one "listed below" under an
  // empty list (found by a teacher's walk): the old copy's is listed nowhere.
  if (!(await page.locator("#pick-handout-1-01").isVisible())) await page.click("summary:has-text('Or pick single questions')");
  await page.check("#pick-handout-1-01");
  await page.click("text=Make the class link");
  await page.waitForSelector(".share-link");
  assert.doesNotMatch(await page.textContent("section.share"), /listed below/);
  assert.equal(await page.locator(".earlier-links").count(), 0, "no links made before, for none is left to list");

  await page.goto(app.url + "/quiz/play?ids=handout-1-01&seed=1");
  await page.waitForSelector("form.question legend");
  assert.match(await page.textContent("form.question legend"), /class handout/);
  assert.match((await page.locator("form.question label").allTextContents()).join("|"), /By a simple majority of the allies/, "the corrected copy");
  await answerShown(page);
  await page.waitForSelector(".feedback");
  await page.goto(app.url + "/sources/handout-1?q=handout-1-01");
  await ready(page);
  assert.match(await page.textContent("mark#evidence"), /only by unanimous agreement/);

  await page.goto(app.url + "/classroom");
  await ready(page);
  const [exported] = await Promise.all([page.waitForEvent("download"), page.click("ul.packs >> text=Export")]);
  const exportFile = join(scratch, "exported.json");
  await exported.saveAs(exportFile);
  assert.deepEqual(JSON.parse(readFileSync(exportFile, "utf8")), corrected);
  await page.waitForSelector(".message-done >> text=Saved to your downloads as class-9b-the-washington-treaty-handout.json.");

  await Promise.all([page.waitForEvent("load"), page.click("ul.packs >> text=Remove")]);
  await ready(page);
  await page.waitForSelector("text=No packs added on this device.");
  await page.waitForSelector(".message-done >> text=was removed from this device.");
  await packsInFocus();
  watcher.assertClean();
  await context.close();
});

/** Bad packs and the words their message must hold. */
const BAD_PACKS = [
  ["unknown field", (p) => { p.questions[0].hint = "x"; }, 'In "questions", entry 1 (id "handout-1-01"): unknown field "hint"'],
  ["wrong type", (p) => { p.questions[1].choices = "True"; }, 'In "questions", entry 2 (id "handout-1-02"): a value of the wrong kind: the text "True", where a list in square brackets'],
  ["duplicate id", (p) => { p.questions[1].id = "002-01"; }, '"002-01": a question on this device already has this id (a built-in question, or another pack\'s)'],
  ["quote missing from its article", (p) => { p.questions[0].evidence = "by a show of hands"; }, '"handout-1-01": evidence is not found verbatim'],
  // Saved by an editor in Latin-1 (Windows' "ANSI"): the browser reads the
  // accented letters as U+FFFD.
  ["not UTF-8", (p) => { p.articles[0].provenance = "Written by Ms Nováková"; }, "The file is not saved as UTF-8: line 1 has letters", "latin1"],
];

test("bad packs are refused with the field and the question, and nothing is touched", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?ids=000-01&seed=1");
  await page.waitForSelector("form.question");
  await answerShown(page);
  await page.waitForSelector(".feedback");
  await page.goto(app.url + "/classroom");
  await ready(page);
  const before = await page.evaluate(() => ({ ...localStorage }));
  for (const [name, breakage, expected, encoding = "utf8"] of BAD_PACKS) {
    const pack = JSON.parse(EXAMPLE_PACK);
    breakage(pack);
    const file = join(scratch, `bad-${name.replaceAll(" ", "-")}.json`);
    writeFileSync(file, JSON.stringify(pack), encoding);
    await page.setInputFiles("#pack-file", file);
    await page.waitForFunction((words) => document.querySelector(".pack-messages .message-problem")?.textContent.includes(words), expected);
    assert.doesNotMatch(await page.textContent(".pack-messages .message-problem"), /`/, "plain words, no code quoting");
    // The file named, for a teacher with a folder of packs, above the list
    // of what to fix (not the first item of it).
    assert.match(await page.textContent(".pack-messages .message-problem > p"), new RegExp(`^The pack file "bad-${name.replaceAll(" ", "-")}\\.json" was not added`));
    assert.match(await page.locator(".pack-messages .message-problem li").first().textContent(), new RegExp(expected.replace(/[()]/g, "\\$&")));
  }
  for (const [name, text, expected] of [
    ["malformed", "{\"format\": \"open-door-pack\", ", "not valid JSON"],
    ["empty", "", "The file is empty."],
    ["oversized", JSON.stringify({ ...JSON.parse(EXAMPLE_PACK), name: "x".repeat(1_100_000) }), "a pack may be at most 1 MB"],
  ]) {
    const file = join(scratch, `bad-${name}.json`);
    writeFileSync(file, text);
    await page.setInputFiles("#pack-file", file);
    await page.waitForFunction((words) => document.querySelector(".pack-messages .message-problem")?.textContent.includes(words), expected);
  }
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before, "storage is untouched");
  assert.match(await page.textContent("main"), /No packs added on this device/);
  watcher.assertClean();
  await context.close();
});

test("a damaged stored pack is shown with its reason, never takes the others with it, and stays until removed", async () => {
  const { page, watcher, context } = await freshPage(app);
  const packFile = join(scratch, "kept.json");
  writeFileSync(packFile, EXAMPLE_PACK);
  // Version 1 kept every pack in one list; a cut list must not be lost.
  await page.goto(app.url + "/about");
  await ready(page);
  await page.evaluate(() => localStorage.setItem("open-door.packs", '[{"name":"Half a pack","topics":['));
  await page.goto(app.url + "/classroom");
  await ready(page);
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.packs")), null, "the old list moved to a key of its own");
  assert.match(await page.textContent(".unloaded-packs"), /A stored question pack was not loaded: the stored copy is damaged/);
  // A good pack added next to it loads, and the damaged one stays.
  await Promise.all([page.waitForEvent("load"), page.setInputFiles("#pack-file", packFile)]);
  await ready(page);
  await page.waitForSelector(".message-done >> text=was added (2 questions)");
  assert.match(await page.textContent("ul.packs"), /Class 9B: the Washington Treaty handout/);
  assert.equal(await page.locator(".unloaded-packs li").count(), 1);
  // Damage the good pack's own key too: only it is reported; removing the
  // first damaged copy leaves the other reported one in place.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("open-door.pack.") && !k.includes("legacy"));
    localStorage.setItem(key, localStorage.getItem(key).slice(0, 50));
  });
  await page.reload();
  await ready(page);
  assert.equal(await page.locator(".unloaded-packs li").count(), 2);
  assert.match(await page.textContent("section.notice"), /not loaded/);
  await Promise.all([page.waitForEvent("load"), page.click(".unloaded-packs li >> nth=0 >> text=Remove")]);
  await ready(page);
  assert.equal(await page.locator(".unloaded-packs li").count(), 1);
  watcher.assertClean();
  await context.close();
});

test("the worksheet's answer key dates a 'since then' note in words, as the quiz does", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/classroom/print?ids=000-01&seed=1");
  await ready(page);
  assert.match(await page.textContent(".answer-key"), /Since then \(as of 1 October 2024\): /);
  watcher.assertClean();
  await context.close();
});
