// A lesson as a student sees it: after checking, the choices themselves say
// which was yours and which is right; on a 360 px phone the header is one
// line, the question and its button fit the first screen and the feedback
// comes into view; keyboard hints only where there is a keyboard; glossary
// links land on their term. Every state here is axe-clean in both schemes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { answerShown, freshPage, makeArticle5Link, ready, startApp, startTheClock, violations } from "./helpers.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

/** Each choice on screen after checking: whether it is ticked and the words on it. */
const choiceMarks = (page) =>
  page.$$eval("form.question .choice", (rows) =>
    rows.map((row) => ({
      checked: row.querySelector("input").checked,
      badges: [...row.querySelectorAll(".badge")].map((b) => b.textContent.trim()),
    })));

/**
 * Opens the link in a fresh context, ticks the choices in the given places,
 * checks. `beforeChecking` sees the question as first drawn.
 */
async function checkAnswer(link, places, options = {}, beforeChecking = async () => {}) {
  const { page, watcher, context } = await freshPage(app, options);
  await page.goto(app.url + link);
  await page.waitForSelector("form.question");
  await beforeChecking(page);
  for (const place of places) await page.locator("form.question input").nth(place).check();
  await page.click("form.question button[type=submit]");
  await page.waitForFunction(() => document.activeElement?.classList.contains("feedback"), null, { timeout: 2000 });
  const right = (await page.textContent(".feedback .verdict")).includes("Right.");
  const frame = await page.$eval(".feedback", (el) => ({
    verdict: getComputedStyle(el.querySelector(".verdict .icon")).color,
    border: getComputedStyle(el).borderLeftColor,
    focusRing: getComputedStyle(el).outlineColor,
  }));
  return { page, watcher, context, right, frame, rows: await choiceMarks(page) };
}

/** The rectangle of the first element matching the selector, in viewport pixels. */
const rect = (page, selector) =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height, viewport: window.innerHeight };
  });

for (const [kind, id] of [["single", "000-01"], ["multiple", "000-03"], ["who-said", "000-08"], ["true/false", "000-10"], ["which-source", "001-04"]]) {
  test(`a ${kind} question marks your answer and the right answer on the choices, wrong and right`, async () => {
    const link = `/quiz/play?ids=${id}&seed=5&mode=practice`;
    // First try: the first choice alone. Whatever it was, the marks must say so.
    const first = await checkAnswer(link, [0]);
    assert.deepEqual(first.rows[0].badges.filter((b) => b.includes("Your answer")).length, 1, "the chosen choice says Your answer");
    first.rows.slice(1).forEach((row) => assert.ok(!row.badges.some((b) => b.includes("Your answer")), "only the chosen choice says Your answer"));
    const rightPlaces = first.rows.flatMap((row, place) => (row.badges.includes("✓ Right answer") ? [place] : []));
    assert.ok(rightPlaces.length >= 1, "a choice is marked as the right answer");
    assert.equal(first.right, rightPlaces.length === 1 && rightPlaces[0] === 0, "the verdict agrees with the marks");
    assert.equal(first.rows[0].badges.includes("✗ Your answer"), !rightPlaces.includes(0), "a wrong pick is crossed");
    assert.ok(await first.page.locator(".choice .badge", { hasText: "Right answer" }).first().isVisible(), "the words are on screen, not only for screen readers");
    first.watcher.assertClean();
    await first.context.close();

    // Second try in a new browser: the opposite outcome, by the marks' own word.
    const wrongPlace = first.rows.findIndex((_, place) => !rightPlaces.includes(place));
    const second = await checkAnswer(link, first.right ? [wrongPlace] : rightPlaces);
    assert.equal(second.right, !first.right);
    const chosen = second.rows.filter((row) => row.checked);
    if (second.right) {
      chosen.forEach((row) => assert.deepEqual(row.badges, ["Your answer", "✓ Right answer"]));
    } else {
      assert.deepEqual(chosen.map((row) => row.badges), [["✗ Your answer"]]);
      assert.ok(second.rows.some((row) => !row.checked && row.badges.includes("✓ Right answer")), "the right choice is shown");
    }
    // The frame and its focus ring take the verdict's colour, so a right
    // answer is not framed in the focus ring's orange red like an error.
    for (const outcome of [first, second]) {
      assert.equal(outcome.frame.border, outcome.frame.verdict, "the frame has the verdict's colour");
      assert.equal(outcome.frame.focusRing, outcome.frame.verdict, "the focus ring has the verdict's colour");
    }
    assert.notEqual(first.frame.verdict, second.frame.verdict, "right and wrong differ");
    second.watcher.assertClean();
    await second.context.close();
  });
}

test("an order question marks each place right or where it belongs, which is the right order", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?ids=004-10&seed=9&mode=practice");
  await page.waitForSelector(".order-list");
  const shown = await page.locator(".order-text").allTextContents();
  await page.click("form.question button[type=submit]");
  await page.waitForSelector(".feedback.wrong");
  assert.equal(await page.locator(".order-list button").count(), 0, "the move buttons give way to the marks");
  const given = await page.$$eval(".order-list li", (items) =>
    items.map((li) => ({ text: li.querySelector(".order-text").textContent, mark: li.querySelector(".badge").textContent.trim() })));
  assert.deepEqual(given.map((g) => g.text), shown, "the order given stays on screen");
  const rightOrder = [];
  given.forEach(({ text, mark }, place) => {
    const belongs = mark === "✓ Right place" ? place : Number(mark.match(/^✗ Belongs in place (\d)$/)?.[1]) - 1;
    assert.ok(belongs >= 0, `a mark on every place: "${mark}"`);
    rightOrder[belongs] = text;
  });
  assert.ok(given.some((g) => g.mark.startsWith("✗")), "the order as shown is not the right one");
  assert.equal(await page.textContent(".feedback p:nth-of-type(2)"), `The answer: ${rightOrder.join(" → ")}`, "the marks spell the right order");
  watcher.assertClean();
  await context.close();
});

/** Each face of the system font the page shows text in: weight, size, style. */
const facesShown = (page) =>
  page.evaluate(() => {
    const faces = new Set();
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      const holder = text.parentElement;
      if (!text.textContent.trim() || !holder.getClientRects().length) continue;
      const style = getComputedStyle(holder);
      if (style.visibility !== "hidden") faces.add(`${style.fontWeight} ${style.fontSize} ${style.fontStyle}`);
    }
    return [...faces];
  });

// Each face (a weight at a size, or italics) is a font the browser looks up
// and loads when a page first shows text in it, which in the feedback made
// each quiz's first answer slower than the rest (bench/HISTORY.md): so the
// feedback and the marks on the choices use only faces the question already
// shows, on a computer and on a phone. Two first choices of a single
// question (at least one is wrong, so "The answer: …" is shown; it has a
// "since then" note) and an order question answered as shown.
for (const [device, options] of [["a computer", {}], ["a phone", PHONE]]) {
  test(`on ${device}, checking an answer shows text only in faces the question already shows`, async () => {
    const single = "/quiz/play?ids=000-01&seed=5&mode=practice";
    let wrong = 0;
    for (const [link, places] of [[single, [0]], [single, [1]], ["/quiz/play?ids=004-10&seed=9&mode=practice", []]]) {
      let before;
      const { page, watcher, context, right } = await checkAnswer(link, places, options, async (question) => {
        before = new Set(await facesShown(question));
      });
      if (!right) wrong += 1;
      const added = (await facesShown(page)).filter((face) => !before.has(face));
      assert.deepEqual(added, [], `${link}, choices ${places}: faces the question did not show`);
      watcher.assertClean();
      await context.close();
    }
    assert.ok(wrong >= 2, `a wrong answer to each question (${wrong} wrong)`);
  });
}

test("on a 360 px phone, in a class's timed test: a one-line header, every question's button in the first screen, every control reachable by keyboard, and the results with the hand-in", async () => {
  const { page, watcher, context } = await freshPage(app, PHONE);
  // The whole bank, in test mode (no feedback between questions), with the
  // class's title and the time left above each question: the most a phone
  // has to fit above the choices.
  await page.goto(app.url + "/quiz/play?count=all&seed=1&mode=test&minutes=90&title=8C%3A%20Article%205%20check");
  await startTheClock(page);
  await page.waitForSelector("form.question");
  const total = Number((await page.textContent(".question-heading")).match(/of (\d+)/)[1]);
  let ordering = 0;
  for (let n = 1; n <= total; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of ${total}")`);
    await page.evaluate(() => window.scrollTo(0, 0));
    const header = await rect(page, ".site-header");
    assert.ok(header.height <= 64, `the header takes ${header.height} px`);
    const button = await rect(page, "form.question button[type=submit]");
    const prompt = await page.textContent("form.question legend");
    assert.ok(button.bottom <= button.viewport, `the button ends at ${button.bottom} px, below the screen, for "${prompt}"`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, "nothing scrolls sideways");
    // Each choice and move button, reached as Tab reaches it, is on screen
    // and not under the time left or the button (what is at its centre is
    // the control itself).
    const hidden = await page.evaluate(() => [...document.querySelectorAll("form.question input, form.question .order-buttons button:not(:disabled)")]
      .filter((control) => {
        control.focus();
        const r = control.getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !(at === control || control.closest("label")?.contains(at));
      })
      .map((control) => control.closest("li, label").textContent.trim().slice(0, 40)));
    assert.deepEqual(hidden, [], `controls covered once focused, for "${prompt}"`);
    if (await page.locator("form.question .order-list").count()) ordering += 1;
    await answerShown(page);
  }
  assert.ok(ordering >= 8, `only ${ordering} ordering questions seen`);
  await page.waitForSelector(".score");
  // A question on two topics counts under each, so the table's answers
  // add up to more than the quiz's questions: its caption says why.
  const questions = Number((await page.textContent(".score")).match(/out of (\d+)/)[1]);
  const topicAnswers = (await page.locator(".by-topic tbody td").allTextContents()).reduce((sum, cell) => sum + Number(cell.match(/of (\d+)$/)[1]), 0);
  assert.ok(topicAnswers > questions, `${topicAnswers} topic answers for ${questions} questions`);
  assert.match(await page.textContent(".by-topic caption"), /a question on two topics counts in both/);
  // The whole bank touches every topic: the longest table by topic there
  // is, which must not push the hand-in below the results' first screen.
  await page.waitForSelector("#hand-in-name");
  await page.evaluate(() => window.scrollTo(0, 0));
  const name = await rect(page, "#hand-in-name");
  assert.ok(name.bottom <= name.viewport, `the name field for the hand-in ends at ${name.bottom} px, below the screen`);
  // The class's quiz: handing in is what comes next, before retrying.
  const download = await rect(page, "button:text-is('Download result (JSON)')");
  assert.ok(download.bottom <= download.viewport, `the download button ends at ${download.bottom} px, below the screen`);
  watcher.assertClean();
  await context.close();
});

// Found by a student's walk: in text at 200% the paragraph holding the
// evidence ran past the screen, and the way back after it with it.
test("on a 360 px phone with the text at 200%, the source page opened from a question's evidence shows the way back", async () => {
  const { page, watcher, context } = await freshPage(app, PHONE);
  await page.goto(app.url + "/quiz/play?ids=004-02,002-05&seed=3&mode=practice");
  await page.waitForSelector("form.question");
  await page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
  await answerShown(page);
  await page.click(".feedback cite a");
  await page.waitForSelector("#evidence");
  await page.waitForFunction(() => document.activeElement?.id === "evidence");
  const back = await rect(page, ".evidence-back a");
  const evidence = await rect(page, "#evidence");
  assert.ok(back.top >= 0 && back.bottom <= 740, `the way back is on screen (${back.top} to ${back.bottom} px)`);
  assert.ok(evidence.top >= 0 && evidence.top < back.top, `the evidence opens above it (from ${evidence.top} px)`);
  await page.click(".evidence-back a");
  await page.waitForSelector("h2:text-is('Question 1 of 2')");
  assert.equal(await page.locator(".feedback").count(), 1, "the answer given is still shown");
  watcher.assertClean();
  await context.close();
});

// Found by a keyboard walk: in text at 200% (a phone's large-text setting)
// the button's words took two lines, and a move button reached by Tab,
// scrolled only clear of a one-line button, was half under it.
test("on a 360 px phone with the text at 200%, the question's button keeps to one line and each control reached by Tab is above it", async () => {
  const { page, watcher, context } = await freshPage(app, PHONE);
  // An ordering question (each item with two move buttons) and a
  // single-answer one.
  await page.goto(app.url + "/quiz/play?ids=treaty-21,000-03&seed=1&mode=practice");
  await page.waitForSelector("form.question");
  await page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
  for (const n of [1, 2]) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 2")`);
    const button = await rect(page, "form.question button[type=submit]");
    const line = await page.$eval("form.question button[type=submit]", (b) => parseFloat(getComputedStyle(b).lineHeight));
    assert.ok(button.height < 2 * line, `the button is ${button.height} px high, two lines of ${line} px`);
    await page.focus(".question-heading");
    const reached = [];
    const covered = [];
    // The focused control, if it is one of the question's, where it is and
    // how many choices its radio group has (Tab enters a group once; the
    // arrows go on through it).
    const focusedControl = () => page.evaluate(() => {
      const control = document.activeElement;
      if (!control.closest("form.question") || control.type === "submit") return null;
      const bar = document.querySelector("form.question button[type=submit]").getBoundingClientRect();
      const r = control.getBoundingClientRect();
      const name = control.getAttribute("aria-label") ?? control.labels?.[0]?.textContent.trim();
      const group = control.type === "radio" ? document.querySelectorAll(`input[name="${control.name}"]`).length : 1;
      return { name, bottom: r.bottom, barTop: bar.top, group };
    });
    const look = (focused) => {
      reached.push(focused.name);
      if (focused.bottom > focused.barTop) covered.push(`${focused.name} (to ${focused.bottom} px, the button from ${focused.barTop} px)`);
    };
    for (;;) {
      await page.keyboard.press("Tab");
      const focused = await focusedControl();
      if (!focused) break;
      look(focused);
      for (let other = 1; other < focused.group; other++) {
        await page.keyboard.press("ArrowDown");
        look(await focusedControl());
      }
    }
    assert.ok(reached.length > 0, `question ${n}: Tab reached none of its controls`);
    assert.deepEqual(covered, [], `question ${n}: controls under the button once focused`);
    await answerShown(page);
    if (n === 1) await page.click("text=Next question");
  }
  watcher.assertClean();
  await context.close();
});

// Found by a student's walk: a chat or mail platform passes a link on with
// its own tags added, and each question said the quiz had been "adjusted",
// in a box that pushed the choices under the button.
test("a class link passed on with a platform's tags is the class's quiz on a phone: no notice, and the same saved quiz as the link without them", async () => {
  const teacher = await freshPage(app);
  await teacher.page.goto(app.url + "/classroom");
  const link = await makeArticle5Link(teacher.page, { title: "10A: NATO check" });
  await teacher.context.close();

  const { page, watcher, context } = await freshPage(app, PHONE);
  await page.goto(`${link}&fbclid=IwAR3xYz&utm_source=chat&utm_medium=share`);
  await page.waitForSelector("h2:text-is('Question 1 of 5')");
  assert.equal(await page.locator(".notice").count(), 0, "no notice");
  const button = await rect(page, "form.question button[type=submit]");
  assert.ok(button.bottom <= button.viewport, `the button ends at ${button.bottom} px, below the screen`);
  await answerShown(page);
  await page.click("text=Next question");
  await page.waitForSelector("h2:text-is('Question 2 of 5')");
  assert.equal(await page.locator(".notice").count(), 0, "no notice on the next question either");
  // The link as the teacher made it finds the same quiz, where it was left.
  await page.goto(link);
  await page.waitForSelector("h2:text-is('Question 2 of 5')");
  assert.deepEqual(await violations(page), []);
  watcher.assertClean();
  await context.close();
});

// In one jump, made before the feedback is first drawn: a glide carried
// Next away from under a press made while it ran, and the press was lost.
test("on a phone, checking brings the feedback and Next question into view at once", async () => {
  const { page, watcher, context } = await freshPage(app, PHONE);
  await page.goto(app.url + "/quiz/play?ids=000-08,000-10&seed=1&mode=practice");
  await page.waitForSelector("form.question");
  await page.locator("form.question input").first().check();
  await page.evaluate(() => {
    window.__scrolls = [];
    addEventListener("scroll", () => window.__scrolls.push(scrollY));
  });
  await page.click("form.question button[type=submit]");
  await page.waitForFunction(() => document.activeElement?.classList.contains("feedback"));
  // Longer than a glide would last.
  await page.waitForTimeout(700);
  // In view: the verdict and Next on screen, and the feedback either whole
  // or (taller than the screen) starting at the top of it.
  const [feedback, verdict, next] = await Promise.all([".feedback", ".feedback .verdict", ".feedback + button"].map((selector) => rect(page, selector)));
  assert.ok(verdict.top >= 0 && next.top >= verdict.bottom && next.bottom <= next.viewport, "the verdict and Next question are on screen");
  assert.ok(feedback.top <= 16 || feedback.bottom <= next.top, "the feedback is whole, or starts at the top of the screen");
  assert.equal(await page.textContent(".feedback + button"), "Next question");
  assert.deepEqual(await page.evaluate(() => new Set(window.__scrolls).size), 1, "one jump, no glide");
  watcher.assertClean();
  await context.close();
});

test("with a time limit, the feedback comes into view below the time left, not under it", async () => {
  const { page, watcher, context } = await freshPage(app, PHONE);
  await page.goto(app.url + "/quiz/play?ids=000-01,000-02&seed=1&mode=practice&minutes=5");
  await startTheClock(page);
  await page.waitForSelector("form.question");
  await page.locator("form.question input").first().check();
  await page.click("form.question button[type=submit]");
  await page.waitForFunction(() => document.activeElement?.classList.contains("feedback"));
  await page.waitForFunction(() => scrollY > 0);
  const time = await rect(page, ".time-left");
  const verdict = await rect(page, ".feedback .verdict");
  assert.ok(time.top >= 0 && time.top < 5, "the time left stays at the top");
  assert.ok(verdict.top >= time.bottom, `the verdict (at ${verdict.top} px) is clear of the time left (to ${time.bottom} px)`);
  const next = await rect(page, ".feedback + button");
  assert.ok(next.bottom <= next.viewport, "Next question is on screen");
  watcher.assertClean();
  await context.close();
});

test("the letter-key hint shows where there is a keyboard: a mouse, or once a key is pressed", async () => {
  const link = "/quiz/play?ids=000-01&seed=1&mode=practice";
  const desktop = await freshPage(app);
  await desktop.page.goto(app.url + link);
  await desktop.page.waitForSelector("form.question");
  assert.ok(await desktop.page.isVisible("text=Letter keys choose; Enter submits."), "shown with a mouse");
  assert.ok(await desktop.page.locator("form.question .key").first().isVisible());
  // Lettered as the projector and the worksheet letter them.
  assert.deepEqual((await desktop.page.locator("form.question .key").allTextContents()).slice(0, 2), ["A", "B"]);
  await desktop.context.close();

  const phone = await freshPage(app, PHONE);
  await phone.page.goto(app.url + link);
  await phone.page.waitForSelector("form.question");
  assert.ok(!(await phone.page.isVisible("text=Letter keys choose; Enter submits.")), "hidden on a touch screen");
  assert.ok(!(await phone.page.locator("form.question .key").first().isVisible()));
  // A keyboard plugged into the tablet: the first key press reveals the hint.
  await phone.page.keyboard.press("b");
  assert.ok(await phone.page.locator("form.question input").nth(1).isChecked(), "the key chose");
  assert.ok(await phone.page.isVisible("text=Letter keys choose; Enter submits."), "shown after a key press");
  phone.watcher.assertClean();
  await phone.context.close();
});

test("the compact menu on a phone opens and closes by keyboard and names its state", async () => {
  const { page, watcher, context } = await freshPage(app, PHONE);
  await page.goto(app.url + "/quiz/play?ids=000-01&seed=1");
  await page.waitForSelector("form.question");
  const menu = page.locator("button.menu-button");
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  assert.ok(!(await page.isVisible("nav a:text-is('Learn')")), "the links are folded away");
  await menu.focus();
  await page.keyboard.press("Enter");
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Learn", "the first link is next in tab order");
  await page.keyboard.press("Escape");
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("menu-button")), true, "Escape returns to the button");
  // A link followed by keyboard folds the menu away, and with it the
  // focused link: the focus goes to the new page's content, as after a
  // link in a page, not back to the button, where a screen reader heard
  // "Menu, collapsed" and nothing of the new page (a keyboard walk).
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Learn");
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  await page.waitForFunction(() => document.activeElement?.id === "main", null, { timeout: 2000 });
  await menu.click();
  await page.click("nav a:text-is('Sources')");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Sources");
  assert.equal(await menu.getAttribute("aria-expanded"), "false", "a followed link closes the menu");
  await menu.click();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Learn");
  assert.equal(await menu.getAttribute("aria-expanded"), "false", "Back closes the menu");
  assert.ok(!(await page.isVisible("nav a:text-is('Learn')")));
  // Left by Tab past its last link, or Shift+Tab above it, the open menu
  // closes: it covered the page's first links as the focus went on to them
  // (found by a keyboard-only walk).
  for (const [key, presses] of [["Tab", 5], ["Shift+Tab", 1]]) {
    await menu.focus();
    await page.keyboard.press("Enter");
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    for (let i = 0; i < presses; i++) await page.keyboard.press(key);
    assert.equal(await page.evaluate(() => document.querySelector("nav").contains(document.activeElement)), false);
    assert.equal(await menu.getAttribute("aria-expanded"), "false", `${key} out of the menu closes it`);
    assert.ok(!(await page.isVisible("nav a:text-is('Learn')")));
  }
  watcher.assertClean();
  await context.close();

  const desktop = await freshPage(app);
  await desktop.page.goto(app.url + "/");
  await ready(desktop.page);
  assert.ok(!(await desktop.page.isVisible("button.menu-button")), "a wide screen shows the links themselves");
  assert.ok(await desktop.page.isVisible("nav a:text-is('Learn')"));
  await desktop.context.close();
});

test("a glossary link in an explainer lands on its term: scrolled to, focused, highlighted", async () => {
  const { page, watcher, context } = await freshPage(app, PHONE);
  await page.goto(app.url + "/learn/guarantees");
  await ready(page);
  await page.click('main a[href="/glossary#nato-ukraine-council"]');
  await page.waitForFunction(() => document.activeElement?.id === "nato-ukraine-council");
  assert.equal(new URL(page.url()).hash, "#nato-ukraine-council");
  const term = await rect(page, "#nato-ukraine-council");
  assert.ok(term.top >= 0 && term.bottom <= term.viewport, "the term is on screen");
  assert.ok(await page.evaluate(() => scrollY) > 0, "not the top of the glossary");
  const highlight = await page.$eval("#nato-ukraine-council", (el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(highlight, "rgba(0, 0, 0, 0)", "the term is highlighted");
  assert.equal(await page.locator("dt.wanted").count(), 1, "only that term");

  // Back to the explainer, and on to another term by the same route.
  await page.goBack();
  await ready(page);
  await page.click('main a[href="/glossary#bilateral-agreement"]');
  await page.waitForFunction(() => document.activeElement?.id === "bilateral-agreement");

  // A fresh load of a glossary address does the same.
  await page.goto(app.url + "/glossary#security-guarantee");
  await page.waitForFunction(() => document.activeElement?.id === "security-guarantee");
  assert.ok(await page.evaluate(() => scrollY) > 0, "a fresh load scrolls to the term");
  watcher.assertClean();
  await context.close();
});

/** The states this file adds, each reached from a fresh page. */
const STATES = [
  ["question on a phone", "/quiz/play?ids=000-01,000-08&seed=2&mode=practice"],
  ["a wrong answer marked", "/quiz/play?ids=000-10&seed=2&mode=practice", async (page) => {
    await page.locator("form.question input").first().check();
    await page.click("form.question button[type=submit]");
    await page.waitForSelector(".feedback");
  }],
  ["a multiple answer marked", "/quiz/play?ids=000-03&seed=2&mode=practice", async (page) => {
    await page.locator("form.question input").nth(1).check();
    await page.click("form.question button[type=submit]");
    await page.waitForSelector(".feedback");
  }],
  ["an order answer marked", "/quiz/play?ids=004-10&seed=2&mode=practice", async (page) => {
    await page.click("form.question button[type=submit]");
    await page.waitForSelector(".feedback");
  }],
  ["the open menu", "/quiz/play?ids=000-01&seed=2", async (page) => {
    await page.click("button.menu-button");
    await page.waitForSelector("nav a:text-is('Learn')");
  }],
  ["a glossary term", "/glossary#article-5", async (page) => {
    await page.waitForFunction(() => document.activeElement?.id === "article-5");
  }],
];

for (const scheme of ["light", "dark"]) {
  test(`axe finds no violation in these states on a phone (${scheme} scheme)`, async () => {
    const { page, watcher, context } = await freshPage(app, { ...PHONE, colorScheme: scheme });
    const failures = [];
    for (const [name, path, reach] of STATES) {
      await page.goto(app.url + path);
      await ready(page);
      if (reach) await reach(page);
      for (const violation of await violations(page)) failures.push(`${name}: ${violation}`);
    }
    assert.deepEqual(failures, []);
    watcher.assertClean();
    await context.close();
  });
}

test("on a phone, See results pressed as the feedback appears shows the results from their heading", async () => {
  const { page, watcher, context } = await freshPage(app, PHONE);
  await page.goto(app.url + "/quiz/play?topics=joining&count=2&seed=3&mode=practice");
  await page.waitForSelector(`h2:text-is("Question 1 of 2")`);
  await answerShown(page);
  await page.click("text=Next question");
  await page.waitForSelector(`h2:text-is("Question 2 of 2")`);
  await answerShown(page);
  // At once, as the feedback has just been scrolled to.
  await page.click(`button:text-is("See results")`);
  await page.waitForFunction(() => document.activeElement?.id === "results-heading", null, { timeout: 5000 });
  // Time for any late scroll to show itself.
  await page.waitForTimeout(1000);
  const top = await page.$eval("#results-heading", (h) => h.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 200, `the focused heading is at the top of the screen, not at ${top}px`);
  watcher.assertClean();
  await context.close();
});
