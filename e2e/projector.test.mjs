// The projector for a real room and the paper: no site header or footer,
// type that grows with a 1920x1080 screen and shrinks, as little as needed,
// until a long question or a revealed answer fits it, choices lettered the same way on
// the projector, the worksheet and the key, a full-screen QR code of the
// class link, and a worksheet titled by the teacher or by its topics.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { parse } from "smol-toml";
import { freshPage, makeArticle5Link, ready, showTheWholeAnswer, slideFitted, startApp, violations } from "./helpers.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const SCREENSHOTS = process.env.SCREENSHOTS; // a folder, to look at them

/** A class link of five Article 5 questions, with an optional title. */
async function classLink(page, title) {
  await page.goto(app.url + "/classroom");
  await ready(page);
  return makeArticle5Link(page, { title });
}

test("projector: full screen, large type, letters that match the worksheet and the key, a full-screen QR code", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 1920, height: 1080 } });
  const link = await classLink(page, "Week 3: what Article 5 promises");
  assert.match(link, /&title=Week%203%3A%20what%20Article%205%20promises$/);
  // The students' quiz has the teacher's title too.
  const student = await context.newPage();
  await student.goto(link);
  await student.waitForSelector("form.question");
  assert.equal(await student.textContent("main h1"), "Week 3: what Article 5 promises");
  assert.equal(await student.title(), "Week 3: what Article 5 promises · Open Door");
  await student.close();
  await page.click("text=Show on the projector");
  await page.waitForSelector(".projector-prompt");

  assert.equal(await page.locator("header.site-header").isVisible(), false, "no site header");
  assert.equal(await page.locator("footer.site-footer").isVisible(), false, "no site footer");
  assert.equal(await page.textContent("h1"), "Week 3: what Article 5 promises");
  const px = (selector) => page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok((await px(".projector-choices li")) >= 48, `choices at ${await px(".projector-choices li")} px`);
  assert.ok((await px(".projector-prompt")) >= 60, `the question at ${await px(".projector-prompt")} px`);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/projector-1920.png` });

  // There is no going back from the first question, nor on from the last:
  // the button says so rather than looking ready to press.
  const stuck = (label) => page.getAttribute(`.projector-controls button:has-text('${label}')`, "aria-disabled");
  assert.equal(await stuck("Previous"), "true");
  assert.equal(await stuck("Next"), null);
  // Each question's lettered choices, and the letters of the right ones.
  const slides = [];
  // Each step is said to a screen reader, as the focus stays on the page:
  // not the first question, which the heading introduces.
  const said = () => page.textContent(".projector [role=status]");
  assert.equal(await said(), "");
  // Back from the first question: nowhere to go, and said so.
  await page.keyboard.press("p");
  assert.equal(await said(), "This is the first question.");
  assert.equal(await page.textContent(".projector-count"), "Question 1 of 5");
  for (let n = 1; n <= 5; n++) {
    await page.waitForSelector(`text=Question ${n} of 5`);
    if (n > 1) assert.equal(await said(), `Question ${n} of 5: ${await page.textContent(".projector-prompt")} ${await page.textContent(".projector-kind")}`);
    const choices = await page.locator(".projector-choices li").allTextContents();
    await page.keyboard.press("r");
    await page.waitForSelector(".projector-answer");
    // The answer in words as large as the choices, for the back row. Both
    // read at once: the reveal fits the slide to the screen again in the
    // next frame, which may come between two reads.
    const [answer, choice] = await page.evaluate(() =>
      [".projector-answer > p:first-child", ".projector-choices li"].map((selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)));
    assert.equal(answer, choice, `question ${n}: the answer's size`);
    // The evidence's source line as large as its quote (it stayed at the
    // pages' 16 px: found by a walk at 1920 px).
    const [quote, source] = await page.evaluate(() =>
      [".projector-answer blockquote", ".projector-answer figcaption"].map((selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)));
    assert.equal(source, quote, `question ${n}: the source line's size`);
    const right = await page.locator(".projector-choices li.right .letter").allTextContents();
    // Said with the marked letters, in letter order (the words followed the bank's order).
    if (right.length) assert.ok((await page.textContent(".projector-answer > p:first-child")).startsWith(`The answer: ${right.join(" ")}: `));
    assert.equal(await said(), await page.textContent(".projector-answer > p:first-child"), `question ${n}: the answer is said as shown`);
    slides.push({ choices: choices.map((c) => c.replace(/ ✓ \(answer\)$/, "")), right });
    await page.keyboard.press("n");
  }
  for (const slide of slides) {
    slide.choices.forEach((choice, place) => assert.ok(choice.startsWith(`${"ABCDEFGH"[place]} `), choice));
  }

  // A presenter's clicker: Page Up steps back, first hiding an answer
  // shown (pressed on too soon, it was shown before the class answered),
  // then to the question before; Page Down reveals the answer, then moves
  // on to the next question, unrevealed.
  assert.equal(await page.locator(".projector-answer").count(), 1, "the last answer is shown");
  await page.keyboard.press("PageUp");
  await page.waitForSelector(".projector-answer", { state: "detached" });
  assert.equal(await page.textContent(".projector-count"), "Question 5 of 5", "the first Page Up hides the answer, on the same question");
  await page.keyboard.press("PageUp");
  await page.waitForSelector("text=Question 4 of 5");
  assert.equal(await page.locator(".projector-answer").count(), 0);
  // Reloaded mid-lesson, the projector is where it was.
  await page.reload();
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent(".projector-count"), "Question 4 of 5");
  await page.keyboard.press("PageDown");
  await page.waitForSelector(".projector-answer");
  assert.equal(await page.textContent(".projector-count"), "Question 4 of 5", "the first Page Down reveals, on the same question");
  // Then the rest of an answer longer than its box, if it is (a frame
  // after the reveal, when it is fitted to the screen), then the next.
  await showTheWholeAnswer(page);
  await page.keyboard.press("PageDown");
  await page.waitForSelector("text=Question 5 of 5");
  assert.equal(await page.locator(".projector-answer").count(), 0, "the next question starts unrevealed");
  assert.deepEqual([await stuck("Previous"), await stuck("Next")], [null, "true"], "the last question");
  // Clicked all the same (Playwright holds back from an aria-disabled button).
  await page.click(".projector-controls button:has-text('Next')", { force: true });
  assert.equal(await page.textContent(".projector-count"), "Question 5 of 5", "Next on the last question stays there");
  // And says so, for a clicker's press past the end that changes nothing
  // on the screen (a keyboard walk).
  assert.equal(await said(), "That was the last question.");

  // The full-screen QR code fills most of the height of the screen, under
  // the quiz's title, so that the class sees which quiz it scans.
  await page.click("text=Show the QR code full screen");
  const box = await page.locator(".qr-full svg.qr").boundingBox();
  assert.ok(box.height >= 0.8 * 1080, `the QR code is ${box.height} px tall`);
  // With how it runs: a test and a practice link may share a title (found
  // by a teacher's walk).
  assert.equal(await page.textContent(".qr-full .qr-title"), "Week 3: what Article 5 promises (practice with no time limit): scan the code to open the quiz");
  const [title, close] = [await page.locator(".qr-title").boundingBox(), await page.locator(".qr-close").boundingBox()];
  assert.ok(title.y >= 0 && close.y + close.height <= 1080, `title at ${title.y} px and Close ending at ${close.y + close.height} px, on the screen`);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Close (Esc)");
  // The page's controls, hidden behind it, are out of the keyboard's
  // reach: Tab goes from Close to the browser's own controls (none on the
  // page), where Enter does nothing, and back to Close, where it closes.
  const focusedOnPage = () => page.evaluate(() => (document.activeElement === document.body ? null : document.activeElement.textContent));
  await page.keyboard.press("Tab");
  assert.equal(await focusedOnPage(), null, "no control behind the QR code takes the focus");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator(".qr-full").count(), 1);
  assert.equal(await page.textContent(".projector-count"), "Question 5 of 5");
  await page.keyboard.press("Tab");
  assert.equal(await focusedOnPage(), "Close (Esc)");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".qr-full", { state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Show the QR code full screen");
  assert.equal(await page.textContent(".projector-count"), "Question 5 of 5");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".qr-full");
  await page.keyboard.press("p");
  assert.equal(await page.textContent(".projector-count"), "Question 5 of 5", "P waits while the QR code is shown");
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/qr-1920.png` });
  await page.keyboard.press("Escape");
  await page.waitForSelector(".qr-full", { state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Show the QR code full screen");

  // The worksheet letters the same choices the same way; the key's quick
  // marking line gives the projector's right letters.
  await page.goto(link.replace("/quiz/play?", "/classroom/print?"));
  await ready(page);
  assert.equal(await page.textContent("h1"), "Worksheet: Week 3: what Article 5 promises");
  assert.equal(await page.locator(".sheet-time").count(), 0, "no time limit, none printed");
  const sheet = await page.locator(".sheet-question").all();
  const keyLetters = await page.locator(".key-letters").allTextContents();
  const quick = await page.textContent(".quick-key");
  for (const [n, slide] of slides.entries()) {
    const printed = (await sheet[n].locator(".sheet-choices li").allTextContents()).map((c) => c.replace(" ☐ ", " "));
    assert.deepEqual(printed, slide.choices, `question ${n + 1}: the same letters and choices`);
    if (slide.right.length) assert.equal(keyLetters[n], slide.right.join(" "), `question ${n + 1}: the key's letters`);
    assert.ok(quick.includes(`${n + 1} ${keyLetters[n]}`), quick);
  }
  assert.match(quick, /^Quick marking: 1 [A-H]\d?( [A-H]\d?)*, 2 /);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/print-1920.png`, fullPage: true });
  watcher.assertClean();
  await context.close();
});

test("a teacher who goes back to the Classroom page mid-lesson finds the projector where it was, by its button, by Back and Forward, or after another quiz's", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 1280, height: 720 } });
  await classLink(page);
  await page.click("text=Show on the projector");
  await page.waitForSelector(".projector-prompt");
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  assert.equal(await page.textContent(".projector-count"), "Question 3 of 5");
  await page.click("text=Back to the Classroom page");
  await page.waitForSelector("form.builder");
  await page.click("text=Show on the projector");
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent(".projector-count"), "Question 3 of 5", "by the Classroom page's button");
  await page.goBack();
  await page.waitForSelector("form.builder");
  await page.goForward();
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent(".projector-count"), "Question 3 of 5", "by Back and Forward");
  // Another quiz shown in between (a follow-up, an earlier link) keeps
  // its own place, and leaves this one's (found by a teacher's walk).
  const classQuiz = page.url();
  await page.goto(`${app.url}/classroom/projector?ids=000-01,000-02,000-03&seed=9`);
  await page.waitForSelector(".projector-prompt");
  await page.keyboard.press("n");
  assert.equal(await page.textContent(".projector-count"), "Question 2 of 3");
  await page.goto(classQuiz);
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent(".projector-count"), "Question 3 of 5", "after another quiz's projector");
  await page.goto(`${app.url}/classroom/projector?ids=000-01,000-02,000-03&seed=9`);
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent(".projector-count"), "Question 2 of 3", "the other quiz where it was left");
  watcher.assertClean();
  await context.close();
});

test("an order question's key gives each letter the number the worksheet asks for beside it, and so does the projector", async () => {
  // Found by a teacher's walk with paper: the sheet asks "Number these from
  // 1", and the key gave the letters in sequence ("C B D A"), to be turned
  // into numbers for every paper.
  const { page, watcher, context } = await freshPage(app);
  const rightOrder = parse(readFileSync("content/questions/treaty-north-atlantic-treaty.toml", "utf8")).question.find((q) => q.id === "treaty-08").choices;
  const query = "ids=treaty-08,000-01&seed=4&mode=test&minutes=5";
  await page.goto(app.url + "/classroom/print?" + query);
  await ready(page);
  // A test on paper keeps the link's time limit.
  assert.equal(await page.textContent(".sheet-time"), "Time allowed: 5 minutes.");
  const printed = (await page.locator(".sheet-question").first().locator(".sheet-choices li").allTextContents()).map((c) => c.replace(" ☐ ", " "));
  const numbers = printed.map((choice) => rightOrder.indexOf(choice.slice(2)) + 1);
  assert.deepEqual([...numbers].sort(), [1, 2, 3, 4], `each printed choice is one of the question's: ${printed}`);
  assert.notDeepEqual(numbers, [1, 2, 3, 4], "shuffled, so letters and numbers differ");
  const expected = printed.map((choice, place) => `${choice[0]}${numbers[place]}`).join(" ");
  assert.equal(await page.locator(".key-letters").first().textContent(), expected);
  assert.match(await page.textContent(".quick-key"), new RegExp(`^Quick marking: 1 ${expected}, 2 [A-H]$`));

  await page.goto(app.url + "/classroom/projector?" + query);
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent(".projector-kind"), "Put in order.");
  await page.keyboard.press("r");
  await page.waitForSelector(".projector-answer");
  assert.equal(await page.textContent(".projector-answer > p:first-child"), `Right order: ${expected}: ${rightOrder.join(" → ")}`);
  watcher.assertClean();
  await context.close();
});

test("the projector says what the class is asked to do, as the student's screen does: two right answers are not argued as one", async () => {
  // Found by a teacher's walk: a slide of five lettered choices, two of
  // them right, said nothing of it, and the reveal showed "B C".
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 1280, height: 720 } });
  await page.goto(app.url + "/classroom/projector?ids=treaty-14,treaty-13&seed=1&mode=test");
  await page.waitForSelector(".projector-prompt");
  assert.equal(await page.textContent(".projector-kind"), "Choose all that apply.");
  await page.keyboard.press("n");
  await page.waitForSelector("text=Question 2 of 2");
  assert.equal(await page.textContent(".projector-kind"), "Choose one.");
  watcher.assertClean();
  await context.close();
});

test("a teacher with a mouse on a 1280x720 projector reaches the controls after each reveal, without scrolling", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 1280, height: 720 } });
  const link = await classLink(page);
  await page.goto(link.replace("/quiz/play?", "/classroom/projector?"));
  await page.waitForSelector(".projector-prompt");
  /** Clicks where the button is on screen: Playwright's own click would scroll to it. */
  const clickInView = async (name) => {
    // Where the button is once the slide has been fitted, a frame after it
    // changed: read before, the click could land where it no longer is.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const box = await page.getByRole("button", { name }).boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 720, `"${name}" is on screen (top ${box.y})`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    return box;
  };
  // The controls where they were on the slide before, long or short,
  // revealed or not, so that the mouse need not look for them.
  const controlsAt = new Set();
  for (let n = 1; n <= 5; n++) {
    await page.waitForSelector(`text=Question ${n} of 5`);
    controlsAt.add(Math.round((await clickInView(/^Reveal answer/)).y));
    await page.waitForSelector(".projector-answer");
    await page.waitForTimeout(100); // the reveal's scroll, one frame later
    const answer = await page.locator(".projector-answer p").first().boundingBox();
    const controls = await page.locator(".projector-controls").boundingBox();
    assert.ok(answer.y >= 0 && answer.y + answer.height <= controls.y, `question ${n}: the answer's first line is above the controls`);
    if (n < 5) controlsAt.add(Math.round((await clickInView(/^Next/)).y));
  }
  assert.equal(controlsAt.size, 1, `the controls at ${[...controlsAt].join(", ")} px from the top`);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/projector-1280-revealed.png` });
  watcher.assertClean();
  await context.close();
});

test("every question of the bank fits a 1280x720 and a 1920x1080 projector; revealed, its answer fits above the controls with the question whole, on a 1024x768 one too; hidden again, it shows from its top", async () => {
  const ids = readdirSync("content/questions").flatMap((name) =>
    parse(readFileSync(`content/questions/${name}`, "utf8")).question.map((q) => q.id),
  );
  const movedOff = { "1280x720": 0, "1920x1080": 0, "1024x768": 0 };
  // A 1024x768 screen's type stops at its least size (28 px) before some
  // slides fit, so there only the reveal is checked.
  for (const [width, height, fitsWhole] of [[1280, 720, true], [1920, 1080, true], [1024, 768, false]]) {
    const { page, watcher, context } = await freshPage(app, { viewport: { width, height } });
    await page.goto(`${app.url}/classroom/projector?ids=${ids.join(",")}&seed=1`);
    for (const n of ids.keys()) {
      await page.waitForSelector(`text=Question ${n + 1} of ${ids.length}`);
      await slideFitted(page);
      const slide = await page.evaluate(() => {
        const controlsTop = innerHeight - document.querySelector(".projector-controls").getBoundingClientRect().height;
        const inView = (el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= controlsTop;
        return { prompt: document.querySelector(".projector-prompt").textContent, fits: inView(document.querySelector(".projector-prompt")) && inView(document.querySelector(".projector-choices")) };
      });
      if (fitsWhole) assert.ok(slide.fits, `${width}x${height}: "${slide.prompt}" and its choices fit above the controls`);
      await page.keyboard.press("r");
      await page.waitForSelector(".projector-answer");
      await slideFitted(page);
      const revealed = await page.evaluate(() => {
        const controlsTop = innerHeight - document.querySelector(".projector-controls").getBoundingClientRect().height;
        const answer = document.querySelector(".projector-answer").getBoundingClientRect();
        const box = document.querySelector(".projector-answer");
        return {
          // One Tab away where it scrolls in a box of its own, not otherwise.
          focusableAsScrolls: (box.scrollHeight > box.clientHeight + 1) === (box.getAttribute("tabindex") === "0"),
          inView: answer.top >= 0 && answer.bottom <= controlsTop,
          questionInView: document.querySelector(".projector-prompt").getBoundingClientRect().top >= 0,
          // Down to the explanation's top, where its "More below" stands.
          answerLineOnly: answer.height <= Math.ceil(box.children[1].getBoundingClientRect().top - answer.top) + 1,
        };
      });
      assert.ok(revealed.inView, `${width}x${height}: "${slide.prompt}" revealed shows its answer, explanation and evidence`);
      assert.ok(revealed.focusableAsScrolls, `${width}x${height}: "${slide.prompt}" revealed can take the focus if, and only if, it scrolls`);
      // The question stays whole on screen, unless the answer's box under
      // it would then not show the answer's own line: then it moves no
      // further (found by a teacher's walk at 1024x768: a question's first
      // line cut in half, for a box of a third of the screen).
      assert.ok(revealed.questionInView || revealed.answerLineOnly, `${width}x${height}: "${slide.prompt}" revealed keeps its question in view`);
      if (!revealed.questionInView) movedOff[`${width}x${height}`]++;
      // Scrolled down to the answer (or by the teacher), then hidden.
      await page.evaluate(() => window.scrollBy(0, 100));
      await page.keyboard.press("r");
      await page.waitForSelector(".projector-answer", { state: "detached" });
      await slideFitted(page);
      assert.equal(await page.evaluate(() => scrollY), 0, `${width}x${height}: "${slide.prompt}" hidden again shows from its top`);
      await page.keyboard.press("n");
    }
    watcher.assertClean();
    await context.close();
  }
  // Revealed, no question of the bank loses its top but two order
  // questions on 768 lines, whose right order is five lines long (the
  // README says so).
  assert.deepEqual(movedOff, { "1280x720": 0, "1920x1080": 0, "1024x768": 2 });
});

test("on a 1280x720 projector a long answer keeps its question in view and scrolls in a box of its own, by wheel, keys or clicker", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 1280, height: 720 } });
  await page.goto(`${app.url}/classroom/projector?ids=004-10,000-01&seed=1`);
  await page.waitForSelector(".projector-prompt");
  const shown = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const answer = document.querySelector(".projector-answer");
    done({
      count: document.querySelector(".projector-count").textContent,
      questionTop: document.querySelector(".projector-prompt").getBoundingClientRect().top,
      choicesBottom: document.querySelector(".projector-choices").getBoundingClientRect().bottom,
      answerTop: answer?.getBoundingClientRect().top,
      answerBottom: answer?.getBoundingClientRect().bottom,
      controlsTop: document.querySelector(".projector-controls").getBoundingClientRect().top,
      scrolled: answer?.scrollTop,
      more: answer ? answer.scrollHeight - answer.clientHeight - answer.scrollTop : 0,
    });
  }))));
  // A presenter's clicker: Page Down reveals the answer.
  await page.keyboard.press("PageDown");
  await page.waitForSelector(".projector-answer");
  const revealed = await shown();
  assert.ok(revealed.questionTop >= 0, `the question stays in view (top ${revealed.questionTop})`);
  assert.ok(revealed.answerTop >= revealed.choicesBottom && revealed.answerBottom <= revealed.controlsTop, `the answer between the choices and the controls: ${JSON.stringify(revealed)}`);
  assert.ok(revealed.more > 0, "this answer is longer than its box");
  // It says so at its foot, until its end (found by a teacher's walk: cut
  // mid-line, it gave no sign, and the evidence went unseen).
  const cue = page.locator(".projector-more");
  assert.equal(await cue.isVisible(), true, "More below, while there is more");
  // Then the rest of the answer, on the same question, until its end.
  let at = revealed;
  for (let press = 0; at.more > 0; press++) {
    assert.ok(press < 5, "the answer's end within a few presses");
    await page.keyboard.press("PageDown");
    const next = await shown();
    assert.equal(next.count, "Question 1 of 2", "Page Down shows more of the answer before moving on");
    assert.ok(next.scrolled > at.scrolled, "the answer's box scrolled on");
    // What the box's foot showed, under its cue, comes back at its top.
    assert.ok(next.scrolled - at.scrolled < (at.answerBottom - at.answerTop) * 0.9, "each press keeps a line of what was shown");
    at = next;
  }
  assert.equal(await cue.isVisible(), false, "no More below at the answer's end");
  // Fitted again to a screen where the answer fits whole, then to this one:
  // from its top, it says there is more again.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await slideFitted(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await slideFitted(page);
  assert.equal(await cue.isVisible(), (await shown()).more > 0, "More below after a resize, as there is more");
  await showTheWholeAnswer(page);
  await page.keyboard.press("PageDown");
  await page.waitForSelector("text=Question 2 of 2");
  // The box scrolls by keyboard (it takes the focus) and by the wheel.
  await page.keyboard.press("p");
  await page.keyboard.press("r");
  await page.waitForSelector(".projector-answer");
  await page.focus(".projector-answer");
  await page.keyboard.press("ArrowDown");
  assert.ok((await shown()).scrolled > 0, "the arrow key scrolls the focused answer");
  await page.evaluate(() => { document.querySelector(".projector-answer").scrollTop = 0; });
  const box = await page.locator(".projector-answer").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 100);
  await page.waitForFunction(() => document.querySelector(".projector-answer").scrollTop > 0);
  // To the answer's end, and on past it: the page stays where it is.
  const before = await shown();
  for (let turn = 0; (await shown()).more > 1; turn++) {
    assert.ok(turn < 10, "the wheel reaches the answer's end");
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(100);
  }
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(300); // a wheel's scroll chained to the page would come meanwhile
  assert.equal((await shown()).questionTop, before.questionTop, "the wheel scrolls the answer, not the page");
  watcher.assertClean();
  await context.close();
});

test("a projector window resized with the answer shown fits it again, in type the back row still reads", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 1920, height: 1080 } });
  await page.goto(`${app.url}/classroom/projector?ids=000-03,002-28&seed=3`);
  await page.waitForSelector(".projector-prompt");
  await page.keyboard.press("r");
  await page.waitForSelector(".projector-answer");
  for (const [width, height] of [[1366, 768], [1024, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200); // the resize, then the fit, a frame later
    const shown = await page.evaluate(() => ({
      answerBottom: document.querySelector(".projector-answer").getBoundingClientRect().bottom,
      controlsTop: innerHeight - document.querySelector(".projector-controls").getBoundingClientRect().height,
      explanation: parseFloat(getComputedStyle(document.querySelector(".projector-answer > p:nth-child(2)")).fontSize),
    }));
    assert.ok(shown.answerBottom <= shown.controlsTop, `${width}x${height}: the answer is above the controls (${JSON.stringify(shown)})`);
    assert.ok(shown.explanation >= 18, `${width}x${height}: the explanation at ${shown.explanation} px`);
  }
  watcher.assertClean();
  await context.close();
});

test("the worksheets print without the answer key for the class, and the key alone for the teacher", async () => {
  const { page, watcher, context } = await freshPage(app);
  const link = await classLink(page, "Week 3");
  await page.goto(link.replace("/quiz/play?", "/classroom/print?"));
  await ready(page);
  // The dialog itself is the browser's: not opened here. The page as it
  // stands when the dialog would open is what prints, so each call notes
  // which part the page is then set to print.
  await page.evaluate(() => {
    window.print = () => { window.prints = [...(window.prints ?? []), `${document.querySelector(".print-job").className}; ${document.title}`]; };
  });
  const printed = async () => {
    await page.emulateMedia({ media: "print" });
    const shown = {};
    for (const [part, selector] of Object.entries({ title: "h1", names: ".sheet-name", sheet: "ol.sheet", key: ".answer-key" })) {
      shown[part] = await page.locator(selector).isVisible();
    }
    await page.emulateMedia({ media: "screen" });
    return shown;
  };
  const everything = { title: true, names: true, sheet: true, key: true };
  // Each button opens the dialog once (after its click, see print.rs).
  const printFrom = async (button, times) => {
    await page.click(`text=${button}`);
    await page.waitForFunction((n) => window.prints?.length === n, times);
  };
  assert.deepEqual(await printed(), everything, "the browser's own Print command prints both");
  await printFrom("Print worksheets (no key)", 1);
  assert.deepEqual(await printed(), { title: true, names: true, sheet: true, key: false });
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.deepEqual(await printed(), everything, "both again once the dialog closes");
  await printFrom("Print the answer key", 2);
  assert.deepEqual(await printed(), { title: false, names: false, sheet: false, key: true });
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  await printFrom("Print both", 3);
  assert.deepEqual(await printed(), everything);
  // The document's title heads each printed page: the key alone is named the key.
  assert.deepEqual(await page.evaluate(() => window.prints), [
    "print-job print-worksheet; Worksheet: Week 3 · Open Door",
    "print-job print-key; Answer key: Week 3 · Open Door",
    "print-job; Worksheet: Week 3 · Open Door",
  ]);
  watcher.assertClean();
  await context.close();
});

test("a class's ten-question worksheet prints on two sheets of A4, the second with a name line, and its key on two", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/classroom/print?ids=000-01,000-10,000-16,000-25,001-08,002-01,002-07,002-17,002-25,002-32&seed=1&mode=practice");
  await page.waitForSelector("ol.sheet");
  // As the browser's print dialog sets the page: A4, a margin of about 1 cm
  // (the worksheet's pages set their own, pages.css).
  const pages = async (part, margin = "1cm") => {
    await page.evaluate((part) => document.querySelector(".print-job").classList.add(`print-${part}`), part);
    const pdf = await page.pdf({ format: "A4", margin: { top: margin, bottom: margin, left: margin, right: margin } });
    await page.evaluate((part) => document.querySelector(".print-job").classList.remove(`print-${part}`), part);
    return pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g).length;
  };
  assert.equal(await pages("worksheet"), 2, "the worksheet");
  assert.equal(await pages("key"), 2, "the answer key");
  // Printed with no margins set (a PDF printer's, or page.pdf's, default),
  // the worksheet has margins of its own, the top one the name line's room
  // (below), and the sheets are still two. (Whether the line stands clear
  // of the questions shows only in the PDF's pixels: checked by eye with
  // pdftoppm, which the setup does not install.)
  assert.equal(await pages("worksheet", "0"), 2, "the worksheet with no margins set");
  // Its second sheet has a name line too, at its head (the first has its
  // own above the questions); the key's pages have none.
  await page.emulateMedia({ media: "print" });
  const pageNames = await page.evaluate(() => [".worksheet", ".answer-key"].map((s) => getComputedStyle(document.querySelector(s)).page));
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(pageNames, ["worksheet", "auto"]);
  const worksheetPages = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule instanceof CSSPageRule && rule.selectorText.startsWith("worksheet")).map((rule) => rule.cssText.replace(/\s+/g, " ")));
  assert.equal(worksheetPages.length, 2, worksheetPages.join(" | "));
  // Its own top margin: in none, the name line was printed over the
  // second sheet's first question (a teacher's walk, printing with no
  // margins).
  assert.match(worksheetPages[0], /^@page worksheet \{ margin: 1\.5cm 1cm 1cm; @top-right \{ content: "Name: _+"/);
  assert.match(worksheetPages[1], /^@page worksheet:first \{ @top-right \{ content: none/);
  watcher.assertClean();
  await context.close();
});

test("a printed question's hint runs on from its prompt's last line, as text wraps", async () => {
  // Kept whole, an order question's long hint took its prompt's last word
  // to a line of its own ("… to the / highest. Number these …", found by
  // a teacher's print).
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 718, height: 1000 } });
  await page.goto(app.url + "/classroom/print?ids=treaty-21&seed=1&mode=practice");
  await page.waitForSelector("ol.sheet");
  await page.emulateMedia({ media: "print" });
  const lines = await page.evaluate(() => {
    const prompt = document.querySelector(".sheet-question .sheet-prompt");
    const text = [...prompt.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).at(-1);
    const lastWord = document.createRange();
    lastWord.setStart(text, text.textContent.lastIndexOf(" ") + 1);
    lastWord.setEnd(text, text.textContent.length);
    const rects = [...prompt.getClientRects()];
    return { count: rects.length, lastLine: rects.at(-1).width, lastWord: lastWord.getBoundingClientRect().width };
  });
  assert.ok(lines.count > 1, "a prompt of more than one line on an A4 sheet");
  assert.ok(lines.lastLine > 2 * lines.lastWord, `the prompt's last line (${lines.lastLine} px) is more than its last word (${lines.lastWord} px)`);
  watcher.assertClean();
  await context.close();
});

test("without a title the worksheet is titled with its topics; the projector fits a phone", async () => {
  const { page, watcher, context } = await freshPage(app, { viewport: { width: 360, height: 740 } });
  const link = await classLink(page);
  const topic = (await page.textContent("label[for=topic-article-5]")).trim();
  await page.goto(link.replace("/quiz/play?", "/classroom/print?"));
  await ready(page);
  const heading = await page.textContent("h1");
  assert.ok(heading.startsWith("Worksheet: ") && heading.includes(topic), heading);
  assert.equal(await page.textContent("#key-heading"), heading.replace("Worksheet", "Answer key"));
  await page.goto(link.replace("/quiz/play?", "/classroom/projector?"));
  await page.waitForSelector(".projector-prompt");
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 360), "no sideways scrolling at 360 px");
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/projector-360.png`, fullPage: true });
  await page.goto(app.url + "/classroom");
  await ready(page);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/classroom-360.png`, fullPage: true });
  watcher.assertClean();
  await context.close();
});

test("projector and worksheet are axe clean in both schemes", async () => {
  for (const scheme of ["light", "dark"]) {
    const { page, watcher, context } = await freshPage(app, { colorScheme: scheme, viewport: { width: 1920, height: 1080 } });
    const link = await classLink(page, "Axe check");
    await page.goto(link.replace("/quiz/play?", "/classroom/projector?"));
    await page.waitForSelector(".projector-prompt");
    await page.keyboard.press("r");
    await page.waitForSelector(".projector-answer");
    assert.deepEqual(await violations(page), [], `projector, ${scheme}`);
    await page.goto(link.replace("/quiz/play?", "/classroom/print?"));
    await ready(page);
    assert.deepEqual(await violations(page), [], `worksheet, ${scheme}`);
    watcher.assertClean();
    await context.close();
  }
});

test("a projector link with no question this app knows says so, with nothing to step through", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/classroom/projector?ids=zzz&seed=1");
  await page.waitForSelector("text=This quiz has no questions.");
  assert.equal(await page.textContent("h1"), "Quiz of 1 chosen question");
  assert.match(await page.textContent("main"), /None of this link's questions are in this app's question bank\./);
  assert.equal(await page.locator(".projector-controls").count(), 0, "no Previous, Reveal, Next or QR code");
  await page.click("text=Back to the Classroom page");
  await page.waitForSelector("h1:text-is('Classroom')");
  watcher.assertClean();
  await context.close();
});
