// Handing in results with a name, and a teacher reading a whole class's
// files at once: three students take the same class link (two hand in JSON,
// one CSV; one JSON is then edited), the teacher loads every file together
// with a copy of one and a file that is not a result.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parse } from "smol-toml";
import { answerShown, eraseMyData, freshPage, makeArticle5Link, ready, SCREENSHOT_DIR, scratchDir, startApp, violations, watch } from "./helpers.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const scratch = scratchDir("class-results");

/** The teacher's class link: five Article 5 questions in test mode. */
async function classLink() {
  const { page, context } = await freshPage(app);
  await page.goto(app.url + "/classroom");
  await ready(page);
  const link = await makeArticle5Link(page, { title: "9B: Article 5 check", mode: "test" });
  await context.close();
  return link;
}

/**
 * A student takes the quiz, choosing the `pick`-th shown choice each time
 * (the order as shown for ordering questions), types a name, downloads the
 * result. With `reopenAt`, the tab is closed before that question and the
 * link followed again. Returns the file, its suggested name, and which
 * questions the results page marked right.
 */
async function student(link, { label, name, pick, format, reopenAt }) {
  let { page, watcher, context } = await freshPage(app, { acceptDownloads: true });
  await page.goto(link);
  for (let n = 1; n <= 5; n++) {
    if (n === reopenAt) {
      watcher.assertClean();
      await page.close();
      page = await context.newPage();
      watcher = watch(page, app.url);
      await page.goto(link);
    }
    await page.waitForSelector(`h2:text-is("Question ${n} of 5")`);
    const choices = page.locator("form.question input");
    const count = await choices.count();
    if (count) await choices.nth(Math.min(pick, count - 1)).check();
    await page.click("form.question button[type=submit]");
  }
  await page.waitForSelector(".result-code");
  const right = await page.$$eval(".review-item h3", (items) => items.map((h) => h.textContent.includes("(right)")));
  const codeBefore = await page.textContent(".result-code");
  await page.fill("#hand-in-name", name);
  // The code covers the name, so it changes as the name is typed.
  if (name) await page.waitForFunction((before) => document.querySelector(".result-code").textContent !== before, codeBefore);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`text=Download result (${format.toUpperCase()})`)]);
  const file = join(scratch, `${label}.${format}`);
  await download.saveAs(file);
  assert.equal(await page.textContent(".hand-in [role=status]"), `Saved as ${download.suggestedFilename()} in your downloads. Hand this file to your teacher.`);
  // The next quiz's result starts with no name, and one press puts the
  // name kept on the device there.
  const kept = name === "<b>Ana</b>\u0007" ? "<b>Ana</b>" : name;
  await page.goto(app.url + "/quiz/play?ids=000-02&seed=2&mode=test");
  await answerShown(page);
  await page.waitForSelector("#hand-in-name");
  assert.equal(await page.inputValue("#hand-in-name"), "");
  if (kept) {
    await page.getByRole("button", { name: `Use ${kept}, the name kept on this device` }).click();
    assert.equal(await page.inputValue("#hand-in-name"), kept);
    assert.equal(await page.evaluate(() => document.activeElement.id), "hand-in-name");
  }
  watcher.assertClean();
  await context.close();
  return { file, suggested: download.suggestedFilename(), right };
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

test("three students hand in, the teacher reads every file at once: counts, an edited file, a duplicate and an unreadable file", async () => {
  const link = await classLink();
  const maria = await student(link, { label: "Maria", name: "Maria", pick: 0, format: "json" });
  // A name with an initial, as the page asks of a class with two of a name.
  const tom = await student(link, { label: "Tom", name: "Tom N", pick: 1, format: "json" });
  const ana = await student(link, { label: "Ana", name: "<b>Ana</b>\u0007", pick: 2, format: "csv" });

  // Named after the student, the quiz and the day.
  const mariaResult = JSON.parse(readFileSync(maria.file, "utf8"));
  assert.equal(mariaResult.name, "Maria");
  assert.equal(mariaResult.quiz.questions.length, 5);
  // The quiz's link, less its check and title (the file gives that on its own).
  assert.equal(`/quiz/play?${mariaResult.quiz.link}`, link.slice(link.indexOf("/quiz/play")).replace(/check=[A-Z2-9]{4}&/, "").replace(/&title=[^&#]*/, ""));
  // The teacher's title, as the class knows the quiz: in the file, and in
  // its name by letters and digits only (core tests the rule).
  assert.equal(mariaResult.quiz.title, "9B: Article 5 check");
  const titlePart = "9BArticle5Check";
  assert.equal(maria.suggested, `open-door-Maria-${titlePart}-${today()}-${mariaResult.code}.json`);
  assert.match(ana.suggested, new RegExp(`^open-door-bAnab-${titlePart}-${today()}-[0-9A-Z]{4}-[0-9A-Z]{4}\\.csv$`));
  // UTF-8 with its byte-order mark, so Excel shows names with accents as typed.
  assert.match(readFileSync(ana.file, "utf8"), /^\uFEFFOpen Door result,version 3\nname,<b>Ana<\/b>\n/);

  // Tom shortens his time in the file; Maria's file is handed in twice.
  const tomResult = JSON.parse(readFileSync(tom.file, "utf8"));
  tomResult.seconds = tomResult.seconds + 600;
  writeFileSync(tom.file, JSON.stringify(tomResult, null, 2));
  // Handed in as the browser named it: the quiz's title run together, long.
  const tomFile = join(scratch, tom.suggested);
  writeFileSync(tomFile, readFileSync(tom.file));
  // The copy went through an editor that added a byte-order mark and blank lines.
  const copy = join(scratch, "Maria (1).json");
  writeFileSync(copy, `\uFEFF\n${readFileSync(maria.file, "utf8")}\n\n`);
  const notes = join(scratch, "notes.txt");
  writeFileSync(notes, "Remember the quiz on Friday.");

  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true });
  await page.goto(app.url + "/classroom");
  await ready(page);
  // Tom's edited file alone: listed, but with nothing counted there are no
  // class figures to show ("0 of 0 answered right" read as all wrong).
  await page.setInputFiles("#class-files", [tom.file]);
  await page.waitForSelector(".class-status:text-is('1 result read, none counted: 1 whose code does not match.')");
  assert.equal(await page.textContent(".no-figures"), "No file is counted (see the code check above), so there are no class figures yet.");
  assert.equal(await page.locator(".class-questions, .class-topics").count(), 0);
  // "Start again" asks first: dismissed, the table stays.
  const asked = [];
  page.once("dialog", (dialog) => { asked.push(dialog.message()); dialog.dismiss(); });
  await page.click("button:text-is('Start again')");
  assert.deepEqual(asked, ["Clear the class results? The table of 1 file goes; to see it again, choose the files again."]);
  assert.equal(await page.locator(".class-table").count(), 1, "the table stays when the teacher says no");
  page.once("dialog", (dialog) => dialog.accept());
  await page.click("button:text-is('Start again')");
  await page.waitForSelector(".class-table", { state: "detached" });
  // The button went with the table: the focus is on picking the files.
  await page.waitForFunction(() => document.activeElement?.id === "class-files", null, { timeout: 2000 });
  // Two files first, then the whole folder, those two again among them:
  // each file is read once.
  await page.setInputFiles("#class-files", [maria.file, notes]);
  await page.waitForSelector(".class-status:text-is('1 result read: 1 counted in the figures below. 1 file could not be read.')");
  await page.setInputFiles("#class-files", [maria.file, tomFile, ana.file, copy, notes]);
  await page.waitForSelector(".class-status:has-text('4 results read')");
  assert.equal(await page.textContent(".class-status"), "4 results read: 2 counted in the figures below; not counted: 1 copy and 1 whose code does not match. 1 file could not be read. 2 files were already here, so they were not added again: Maria.json, notes.txt.");
  assert.match(await page.innerText(".class-quiz"), /^Class quiz: 9B: Article 5 check \(5 questions\)\. Open the quiz$/);
  // The quiz as the class was given it, under its title.
  assert.equal(await page.getAttribute(".class-quiz a", "href"), link.slice(link.indexOf("/quiz/play")));
  // Each name on one line: the name column is not squeezed by the notes.
  const lines = await page.$$eval(".class-table tbody th[scope=row]", (ths) => ths.map((th) => {
    const range = document.createRange();
    range.selectNodeContents(th);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  }));
  assert.deepEqual(lines, [1, 1, 1, 1], "each name on one line");
  // On a laptop the table fits the page: no column is cut off at its edge.
  const fit = await page.$eval(".class-table-wrap", (wrap) => [wrap.scrollWidth, wrap.clientWidth, [...wrap.querySelectorAll("thead th")].map((th) => Math.round(th.getBoundingClientRect().width))]);
  assert.ok(fit[0] <= fit[1], `the table fits the page at 1024 px: ${JSON.stringify(fit)}`);
  // Scrolling nothing, its box is no tab stop (found by a teacher's walk),
  // once checked: the frame after the table is drawn.
  await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  assert.equal(await page.getAttribute(".class-table-wrap", "tabindex"), null);
  assert.match(await page.textContent(".unreadable"), /notes\.txt: This is not an Open Door result file\./);
  // On a phone each student is a card: nothing scrolls sideways, and every
  // cell, the code check with its reasons among them, is in view under its
  // column's name, still a table to a screen reader.
  await page.setViewportSize({ width: 360, height: 740 });
  assert.ok(await page.$eval(".class-table-wrap", (wrap) => wrap.scrollWidth <= wrap.clientWidth), "nothing scrolls sideways at 360 px");
  assert.equal(await page.getAttribute(".class-table-wrap", "tabindex"), null, "checked again on the resize");
  const cards = await page.$$eval(".class-table tbody tr", (trs) => trs.map((tr) => ({
    inView: [...tr.children].every((cell) => cell.getBoundingClientRect().left >= 0 && cell.getBoundingClientRect().right <= innerWidth),
    labels: [...tr.querySelectorAll("td")].map((td) => getComputedStyle(td, "::before").content),
  })));
  assert.equal(cards.length, 4);
  assert.ok(cards.every((card) => card.inView), "every cell of every student is in view at 360 px");
  assert.deepEqual(cards[0].labels, ['"Score: "', '"Time: "', '"Finished: "', '"Code check: "', '"File: "'], "each cell says which column it is");
  const tree = await page.locator(".class-table").ariaSnapshot();
  assert.ok(tree.includes(`- columnheader "Code check"`) && tree.includes(`- rowheader "Maria"`) && tree.includes(`- 'cell "Code check: ✓ Matches"'`), `still a table, with its headers, rows and cells:\n${tree}`);
  const checkLines = await page.$$eval(".class-table td.check", (tds) => tds.map((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  }));
  assert.ok(checkLines.every((n) => n <= 6), `each code check in at most 6 lines at 360 px: ${checkLines}`);
  await page.setViewportSize({ width: 1280, height: 720 });

  const rows = await page.$$eval(".class-table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const byFile = Object.fromEntries(rows.map((r) => [r[5], r]));
  assert.deepEqual(Object.keys(byFile).sort(), ["Ana.csv", "Maria (1).json", "Maria.json", tom.suggested]);
  assert.equal(byFile["Ana.csv"][0], "<b>Ana</b>", "the name is shown as text, without its control character");
  assert.equal(await page.locator(".class-table b").count(), 0, "no markup from a name is rendered");
  assert.match(byFile[tom.suggested][4], /Does not match: The code does not match the name, quiz, time and answers/);
  // Its score is the edited file's word, and said to be.
  assert.match(byFile[tom.suggested][1], /^\d+ of 5the file's claimnot counted$/);
  // Its two notes one under the other, no empty line between them.
  const scoreNotes = await page.locator(`.class-table tr:has(td.file:text-is("${tom.suggested}")) td[data-label=Score] .note`).evaluateAll((spans) =>
    spans.map((span) => span.getBoundingClientRect()).map((rect) => [rect.top, rect.bottom]));
  assert.equal(scoreNotes.length, 2);
  assert.ok(scoreNotes[1][0] - scoreNotes[0][1] < 2, `the second note starts where the first ends: ${JSON.stringify(scoreNotes)}`);
  const count = (right) => right.filter(Boolean).length;
  const mariaRows = [byFile["Maria.json"], byFile["Maria (1).json"]];
  assert.equal(mariaRows.filter((r) => r[4].includes("Copy: The same result as")).length, 1, "one of Maria's two files is set aside");
  assert.match(byFile["Maria (1).json"][4], /Copy: The same result as Maria\.json\.$/, "the copy, not the file as downloaded");
  // A copy of one result is no cause for alarm: not in the colour of a
  // wrong code or of a quiz under two names.
  const copyNote = page.locator(".class-table tbody tr:has(td.file:text-is('Maria (1).json')) .check span");
  assert.equal(await copyNote.getAttribute("class"), "note");
  // Its score is said not to count, beside it (on a phone, in view with the name).
  assert.deepEqual(mariaRows.map((r) => r[1]).sort(), [`${count(maria.right)} of 5`, `${count(maria.right)} of 5not counted`]);
  assert.ok(mariaRows.every((r) => r[4].startsWith("✓ Matches")));
  // When each was finished, on the teacher's clock: all today.
  assert.ok(rows.every((r) => /^\d\d:\d\d$/.test(r[3])), rows.map((r) => r[3]).join(" | "));
  // Printed on A4 (190 mm between the margins: 718 px) the table fits the
  // sheet (found by a teacher's walk: the file names lost their ends).
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 718, height: 1000 });
  const printed = await page.$eval(".class-table-wrap", (wrap) => ({ table: wrap.scrollWidth, sheet: wrap.clientWidth }));
  assert.ok(printed.table <= printed.sheet, `the table is ${printed.table} px wide on a sheet of ${printed.sheet}`);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Per question: Maria and Ana are counted (Tom's file was edited, Maria's copy is set aside).
  const perQuestion = await page.$$eval(".class-questions > li", (lis) =>
    lis.map((li) => [li.querySelector(".class-question-prompt strong").textContent, li.querySelector(".class-question-score").textContent]),
  );
  assert.equal(perQuestion.length, 5);
  const expected = maria.right.map((r, i) => Number(r) + Number(ana.right[i]));
  for (const [label, score] of perQuestion) {
    const number = Number(label.match(/Question (\d+)/)[1]);
    assert.equal(score, `${expected[number - 1]} of 2 answered right.`, `question ${number}`);
  }
  // A wrong answer is named the class's mistake only when it leads: Maria
  // and Ana, both wrong with different choices, are a tie, not "1 student".
  const wrongLines = await page.$$eval(".class-questions > li", (lis) => lis.map((li) => [li.querySelector(".class-question-score").textContent, li.querySelector(".class-question-answer + p")?.textContent ?? ""]));
  for (const [score, wrong] of wrongLines) {
    if (score === "0 of 2 answered right.") assert.match(wrong, /^(No wrong answer stood out: the 2 students who answered it wrongly each gave a different answer\.|Most chosen wrong answer: .+ \(2 students\))$/);
    if (score === "1 of 2 answered right.") assert.match(wrong, /^Most chosen wrong answer: .+ \(1 student\)$/);
  }
  // Each with its right answer in words, beside the wrong one most chosen
  // (found by a teacher's walk: the class results never said it).
  const byPrompt = new Map(readdirSync("content/questions").flatMap((name) => parse(readFileSync(`content/questions/${name}`, "utf8")).question).map((q) => [q.prompt, q]));
  const answerLines = await page.$$eval(".class-questions > li", (lis) =>
    lis.map((li) => [li.querySelector(".class-question-prompt").textContent.replace(/^Question \d+: /, ""), li.querySelector(".class-question-answer").textContent]),
  );
  for (const [prompt, line] of answerLines) {
    const q = byPrompt.get(prompt);
    const words = q.type === "order" ? q.choices.join(" → ") : q.choices.filter((c) => q.answer.includes(c)).join("; ");
    assert.equal(line, `Right answer: ${words}`, prompt);
  }
  const shownOrder = perQuestion.map(([, score]) => Number(score[0]));
  assert.deepEqual(shownOrder, [...shownOrder].sort((a, b) => a - b), "most missed first");
  assert.ok(await page.locator(".class-questions blockquote").count() === 5, "each question with its evidence");
  assert.ok((await page.locator(".class-topics tbody tr").count()) >= 1);

  // The follow-up quiz of the most-missed questions, and the projector.
  const missed = expected.filter((n) => n < 2).length;
  if (missed > 0) {
    await page.focus("text=Make a follow-up quiz of the most-missed questions");
    await page.keyboard.press("Enter");
    // Its heading takes the focus, so a screen reader says what came.
    await page.waitForFunction(() => document.activeElement?.id === "follow-up-heading", null, { timeout: 2000 });
    const followUp = await page.textContent(".follow-up .share-link");
    const ids = followUp.split("ids=")[1].split("&")[0].split(",");
    assert.equal(ids.length, Math.min(missed, 5));
    // What "most-missed" means when every question was missed by someone.
    assert.equal(await page.textContent(".follow-up p"), `The ${ids.length} most-missed questions (of those missed by at least one student, at most 5), in practice mode (the answer after each question). Hand out this link:`);
    assert.ok(ids.every((id) => mariaResult.quiz.questions.includes(id)));
    assert.match(followUp, /&title=Follow-up%3A%209B%3A%20Article%205%20check/, "titled after the class's quiz");
    // Handed out as the class link is: copied whole, or by its QR code.
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    await page.click(".follow-up >> text=Copy link");
    await page.waitForSelector(".follow-up >> text=Copied.");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), followUp);
    assert.ok((await page.getAttribute(".follow-up svg.qr path", "d")).length > 500, "the QR code is drawn");
    assert.deepEqual(await violations(page), [], "axe, with the follow-up quiz shown");
    await page.click("text=Show them on the projector");
    await page.waitForSelector(".projector-prompt");
    // The projector's own way back goes back to the follow-up, far below
    // the class link it went to before (found by a teacher's walk): its
    // heading takes the focus, and Forward finds the projector again.
    await page.click("text=Back to the Classroom page");
    await page.waitForFunction(() => document.activeElement?.id === "follow-up-heading", null, { timeout: 2000 });
    assert.equal(await page.textContent(".follow-up .share-link"), followUp);
    assert.equal(new URL(page.url()).hash, "", "the way back's mark is dropped once taken");
    await page.goForward();
    await page.waitForSelector(".projector-prompt");
    await page.goBack();
    // Back from the projector, the follow-up quiz is still shown.
    await page.waitForSelector(".follow-up .share-link");
    assert.equal(await page.textContent(".follow-up .share-link"), followUp);
    // Made again from the same class: the same link, so the QR code the
    // class scanned and the projector still match it.
    await page.click("text=Make a follow-up quiz of the most-missed questions");
    assert.equal(await page.textContent(".follow-up .share-link"), followUp);
  }

  // The class is still here after another page and a reload, with no file
  // picked again; "Erase my data" forgets it.
  const status = "4 results read: 2 counted in the figures below; not counted: 1 copy and 1 whose code does not match. 1 file could not be read.";
  await page.goto(app.url + "/learn");
  await page.goBack();
  await page.waitForSelector(`.class-status:text-is("${status}")`);
  await page.reload();
  await ready(page);
  await page.waitForSelector(`.class-status:text-is("${status}")`);
  assert.equal(await page.locator(".class-table tbody tr").count(), 4);
  assert.match(await page.textContent(".unreadable"), /notes\.txt: This is not an Open Door result file\./);
  await eraseMyData(page, app.url);
  await page.goto(app.url + "/classroom");
  await ready(page);
  assert.equal(await page.locator(".class-table").count(), 0, "erased with the rest");
  watcher.assertClean();
  await context.close();
});

// A teacher who writes the class link by hand lists the questions and no
// seed: each device shuffles the choices its own way, which leaves the
// quiz the same (answers are kept by choice).
test("a class link written without a seed: a tab closed mid-quiz goes on where it was, and every student's shuffle counts as the class's quiz", async () => {
  const ids = new URL(await classLink()).searchParams.get("ids");
  const handWritten = `${app.url}/quiz/play?ids=${ids}&mode=test`;
  const ana = await student(handWritten, { label: "Ana-own-shuffle", name: "Ana", pick: 0, format: "json", reopenAt: 3 });
  const bo = await student(handWritten, { label: "Bo-own-shuffle", name: "Bo", pick: 1, format: "json" });
  const seeds = [ana, bo].map(({ file }) => new URLSearchParams(JSON.parse(readFileSync(file, "utf8")).quiz.link).get("seed"));
  assert.notEqual(seeds[0], seeds[1], "each device shuffled its own way");

  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.setInputFiles("#class-files", [ana.file, bo.file]);
  await page.waitForSelector(".class-status:text-is('2 results read: 2 counted in the figures below.')");
  const checks = await page.$$eval(".class-table td.check", (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(checks, ["✓ Matches", "✓ Matches"]);
  const scores = await page.$$eval(".class-question-score", (ps) => ps.map((p) => Number(p.textContent.match(/^(\d) of 2 answered right\.$/)[1])));
  const right = (n) => Number(ana.right[n]) + Number(bo.right[n]);
  assert.deepEqual(scores.sort(), [0, 1, 2, 3, 4].map(right).sort(), "each question's count is the two students' own results");
  watcher.assertClean();
  await context.close();
});

test("the class table exports as CSV, prints alone, takes dropped files, hides the names for the room's screen, and is axe-clean in both schemes at 360 px", async () => {
  const link = await classLink();
  const one = await student(link, { label: "lee", name: "Lee", pick: 0, format: "json" });
  const text = readFileSync(one.file, "utf8");
  for (const scheme of ["light", "dark"]) {
    const { page, watcher, context } = await freshPage(app, { acceptDownloads: true, colorScheme: scheme, viewport: { width: 360, height: 740 } });
    await page.goto(app.url + "/classroom");
    await ready(page);
    // Keyboard: the file picker is reached with Tab.
    await page.focus("#class-files");
    assert.equal(await page.evaluate(() => document.activeElement.id), "class-files");
    // Dropped files, as a file manager drops them.
    await page.evaluate(([name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: "application/json" }));
      data.items.add(new File(["x".repeat(1_000_001)], "huge.json", { type: "application/json" }));
      const zone = document.querySelector(".drop-zone");
      zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, ["lee.json", text]);
    await page.waitForSelector(".class-table");
    assert.match(await page.textContent(".unreadable"), /huge\.json: This file is 1000 KB; a result file is far smaller \(at most 1 MB\)\./);
    if (scheme === "light") {
      // The same file given again (picked twice by mistake) is not read twice.
      await page.setInputFiles("#class-files", { name: "lee.json", mimeType: "application/json", buffer: Buffer.from(text) });
      await page.waitForSelector(".class-status:has-text('already')");
      assert.match(await page.textContent(".class-status"), /^1 result read: 1 counted in the figures below\. 1 file could not be read\. lee\.json was already here, so it was not added again\.$/);
      assert.equal(await page.locator(".class-table tbody tr").count(), 1);
      // A file cut short in the copying is refused; the whole file given
      // again under its name takes its place, refused no more.
      const copied = (body) => ({ name: "lee-copy.json", mimeType: "application/json", buffer: Buffer.from(body) });
      await page.setInputFiles("#class-files", copied(text.slice(0, text.length / 2)));
      await page.waitForSelector(".class-status:has-text('2 files could not be read')");
      await page.setInputFiles("#class-files", copied(text));
      await page.waitForSelector(".class-status:has-text('2 results read')");
      assert.equal(await page.textContent(".class-status"), "2 results read: 1 counted in the figures below; not counted: 1 copy. 1 file could not be read.");
      assert.deepEqual(await page.locator(".unreadable li").allTextContents(), [await page.textContent(".unreadable li:has-text('huge.json')")]);
    }
    assert.deepEqual(await violations(page), [], `axe, ${scheme} scheme`);
    await page.locator(".class-results").screenshot({ path: join(SCREENSHOT_DIR, `class-results-360-${scheme}.png`) });

    if (scheme === "light") {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Export the table (CSV)")]);
      assert.match(download.suggestedFilename(), /^open-door-class-results-9BArticle5Check-\d{4}-\d\d-\d\d\.csv$/);
      const csv = readFileSync(await download.path(), "utf8").split("\n");
      assert.equal(csv[0], "\uFEFFname,score,out of,not answered,time,seconds,finished (UTC),code check,duplicate,counted,file");
      assert.match(csv[1], /^Lee,\d,5,0,(\d+ s|\d+ min \d\d s),\d+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,matches,,yes,lee\.json$/);

      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator(".class-table").isVisible(), true);
      // The topic table is not split over two sheets (a teacher's print
      // left one row on its own).
      assert.equal(await page.locator(".class-topics").evaluate((table) => getComputedStyle(table).breakInside), "avoid");
      // A cell's notes (the copy's) print smaller than the figures beside
      // them, as on screen (found by a teacher's walk: sized from the page,
      // they printed larger).
      const printed = await page.locator(".class-table").evaluate((table) => ({
        notes: [...table.querySelectorAll(".note")].map((note) => parseFloat(getComputedStyle(note).fontSize)),
        figure: parseFloat(getComputedStyle(table.querySelector("td.figure")).fontSize),
      }));
      assert.ok(printed.notes.length > 0 && printed.notes.every((size) => size < printed.figure), JSON.stringify(printed));
      // Its headings are set to stay with what follows them: one was left at
      // a sheet's foot, its questions on the next (found by a teacher's
      // print; where the sheets break shows only in a PDF's pages).
      assert.deepEqual(await page.locator(".class-results h3").evaluateAll((headings) => [...new Set(headings.map((h) => getComputedStyle(h).breakAfter))]), ["avoid"]);
      // Dated on paper, without the link a page cannot follow.
      assert.match(await page.innerText(".class-quiz"), /^Class quiz: .+ \(5 questions\)\. Printed on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
      // The class's figures alone: not the builder, nor the instructions
      // for gathering the files.
      for (const hidden of ["h2:text-is('Build a class quiz')", ".drop-zone", "header.site-header", "text=Give all the files here at once"]) {
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
      }
      await page.emulateMedia({ media: "screen" });

      // Shown to the class on the room's screen: the names go, and the file
      // names with them (a file is often named after its student), even
      // when a file is given again; a reload keeps them hidden; the class
      // figures stay, on screen and on paper.
      const names = /\blee\b|huge\.json/i;
      await page.focus("#hide-names");
      await page.keyboard.press("Space");
      await page.waitForSelector(".class-table", { state: "detached" });
      assert.equal(await page.textContent(".names-hidden"), "The students' table (2 results) is hidden.");
      await page.setInputFiles("#class-files", { name: "lee.json", mimeType: "application/json", buffer: Buffer.from(text) });
      await page.waitForSelector(".class-status:has-text('already')");
      assert.equal(await page.textContent(".class-status"), "2 results read: 1 counted in the figures below; not counted: 1 copy. 1 file could not be read. One file was already here, so it was not added again.");
      assert.doesNotMatch(await page.innerText(".class-results"), names);
      await page.reload();
      await page.waitForSelector(".class-questions");
      assert.equal(await page.isChecked("#hide-names"), true);
      assert.equal(await page.locator(".class-table").count(), 0);
      // A file that could not be read still says why, without its name.
      assert.deepEqual(await page.locator(".unreadable li").allTextContents(), ["This file is 1000 KB; a result file is far smaller (at most 1 MB)."]);
      assert.doesNotMatch(await page.innerText(".class-results"), names);
      assert.deepEqual(await violations(page), [], "axe, names hidden");
      await page.locator(".class-results").screenshot({ path: join(SCREENSHOT_DIR, "class-results-360-names-hidden.png") });
      // Printed as a handout: the class's figures alone, as with the table
      // (the builder and the class link were printed with them).
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator(".class-questions").isVisible(), true);
      assert.doesNotMatch(await page.innerText(".class-results"), names);
      for (const hidden of ["h2:text-is('Build a class quiz')", "header.site-header", "text=Give all the files here at once"]) {
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
      }
      await page.emulateMedia({ media: "screen" });
      await page.uncheck("#hide-names");
      assert.equal(await page.textContent(".class-table tbody th"), "Lee");
      assert.match(await page.textContent(".unreadable"), /huge\.json/);
    }
    watcher.assertClean();
    await context.close();
  }
  console.log(`screenshots: ${SCREENSHOT_DIR}`);
});

test("a student who leaves the class quiz and comes back through the home page hands in under the teacher's title", async () => {
  const link = await classLink();
  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true, viewport: { width: 360, height: 740 } });
  await page.goto(link);
  for (let n = 1; n <= 2; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 5")`);
    await answerShown(page);
  }
  // Later, the app opened from the home screen rather than the link.
  await page.goto(app.url + "/");
  await ready(page);
  assert.deepEqual(await page.locator(".resume-list li").allTextContents(), ["Resume: 9B: Article 5 check 2 of 5 answered"]);
  await page.click(".resume-list a");
  await page.waitForSelector('h2:text-is("Question 3 of 5")');
  assert.equal(await page.title(), "9B: Article 5 check · Open Door");
  for (let n = 3; n <= 5; n++) {
    await page.waitForSelector(`h2:text-is("Question ${n} of 5")`);
    await answerShown(page);
  }
  await page.waitForSelector(".result-code");
  await page.fill("#hand-in-name", "Maria");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
  assert.match(download.suggestedFilename(), /^open-door-Maria-9BArticle5Check-/);
  assert.equal(JSON.parse(readFileSync(await download.path(), "utf8")).quiz.title, "9B: Article 5 check");
  watcher.assertClean();
  await context.close();
});

test("a student who takes the quiz again and hands in twice: the first result counts, and the table shows when each was finished", async () => {
  const link = await classLink();
  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true, viewport: { width: 360, height: 740 } });
  await page.clock.install({ time: new Date("2026-11-25T10:30:00") });
  const takeAndHandIn = async (pick, label) => {
    for (let n = 1; n <= 5; n++) {
      await page.waitForSelector(`h2:text-is("Question ${n} of 5")`);
      const choices = page.locator("form.question input");
      if (await choices.count()) await choices.nth(Math.min(pick, (await choices.count()) - 1)).check();
      await page.click("form.question button[type=submit]");
    }
    await page.waitForSelector(".result-code");
    await page.fill("#hand-in-name", "Sam");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
    const file = join(scratch, `${label}.json`);
    await download.saveAs(file);
    return file;
  };
  await page.goto(link);
  const first = await takeAndHandIn(0, "sam-first");
  // Ten minutes later, after seeing the answers, again.
  await page.clock.fastForward("10:00");
  page.once("dialog", (dialog) => dialog.accept());
  await page.click("text=Take it again");
  // The button is gone with the results: the first question takes focus.
  await page.waitForFunction(() => document.activeElement?.classList.contains("question-heading"));
  const again = await takeAndHandIn(1, "a-sam-again");
  await context.close();

  const teacher = await freshPage(app);
  await teacher.page.goto(app.url + "/classroom");
  await ready(teacher.page);
  await teacher.page.setInputFiles("#class-files", [again, first]);
  await teacher.page.waitForSelector(".class-table");
  const rows = await teacher.page.$$eval(".class-table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => [r[3], r[5]]), [["2026-11-25 10:30", "sam-first.json"], ["2026-11-25 10:40", "a-sam-again.json"]]);
  assert.match(rows[1][4], /Duplicate: The same name as sam-first\.json, counted instead\. If this is another student's, ask them to download it again with a surname or initial\.$/);
  // Said beside the score, which a phone shows with the name.
  assert.match(rows[1][1], /^\d+ of \d+not counted$/);
  assert.match(rows[0][1], /^\d+ of \d+$/);
  watcher.assertClean();
  teacher.watcher.assertClean();
  await teacher.context.close();
});

test("a result downloaded with no name asks for one; with the name added, the next download carries it", async () => {
  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true, viewport: { width: 360, height: 740 } });
  await page.goto(app.url + "/quiz/play?ids=000-02&seed=2&mode=test&title=9B");
  await answerShown(page);
  await page.waitForSelector("#hand-in-name");
  assert.equal(await page.inputValue("#hand-in-name"), "");
  const [nameless] = await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
  assert.equal(
    await page.textContent(".hand-in [role=status]"),
    `Saved as ${nameless.suggestedFilename()} in your downloads. It has no name, so your teacher cannot tell it is yours: type your name above and download again.`,
  );
  // Read the evidence and come back, or reload: still said, for that file
  // still has no name (found by a student's walk: the words went, and the
  // file without a name was the one handed in).
  const noName = await page.textContent(".hand-in [role=status]");
  await page.click(".review-item cite a");
  await page.waitForSelector("#evidence");
  await page.goBack();
  await page.waitForSelector("#hand-in-name");
  assert.equal(await page.textContent(".hand-in [role=status]"), noName, "after the evidence and Back");
  await page.click(".review-item cite a");
  await page.click(".hint a:text-is('Back to your results')");
  await page.waitForSelector("#hand-in-name");
  assert.equal(await page.textContent(".hand-in [role=status]"), noName, "after the evidence and Back to your results");
  await page.reload();
  await page.waitForSelector("#hand-in-name");
  assert.equal(await page.textContent(".hand-in [role=status]"), noName, "after a reload");
  // A space is no name: the file still needs one.
  await page.fill("#hand-in-name", " ");
  assert.match(await page.textContent(".hand-in [role=status]"), /It has no name, so your teacher cannot tell it is yours/);
  await page.fill("#hand-in-name", "Kim");
  assert.equal(await page.textContent(".hand-in [role=status]"), `You added your name after saving ${nameless.suggestedFilename()}, which has none: download again to hand in this one.`);
  const [named] = await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
  assert.match(named.suggestedFilename(), /^open-door-Kim-9B-/);
  assert.equal(await page.textContent(".hand-in [role=status]"), `Saved as ${named.suggestedFilename()} in your downloads. Hand this file to your teacher.`);
  // The name cleared: the file saved still carries it.
  await page.fill("#hand-in-name", "");
  assert.equal(
    await page.textContent(".hand-in [role=status]"),
    `You cleared the name after saving ${named.suggestedFilename()}: that file still carries it and can be handed in, but a download now would have no name.`,
  );
  assert.deepEqual(await violations(page), []);
  // Another student's attempt started here (reloaded, the page asks whose
  // result it is): the tab keeps nothing of this file.
  page.once("dialog", (dialog) => dialog.accept());
  await page.click("button:text-is('Start my own attempt')");
  await page.waitForSelector("form.question, button:text-is('Start the quiz')");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("open-door.hand-in.saved")), null);
  watcher.assertClean();
  await context.close();
});

test("a name changed after the download says the file has the old name; the next download carries the new one and the code shown", async () => {
  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true });
  await page.goto(app.url + "/quiz/play?ids=000-02&seed=2&mode=test");
  await answerShown(page);
  // The longest name the field takes says so, and none shorter does.
  const note = () => page.textContent("#hand-in-name-note");
  const longest = "Maria Anna Katharina Elisabeth Oberhuber-Lindqvist";
  await page.fill("#hand-in-name", longest);
  assert.equal(await page.inputValue("#hand-in-name"), longest.slice(0, 40));
  assert.match(await note(), /^The field is full \(40 characters at most\)\. It goes into your result file/);
  await page.fill("#hand-in-name", longest.slice(0, 39));
  assert.match(await note(), /^It goes into your result file/);
  await page.fill("#hand-in-name", "Marai");
  const [first] = await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
  assert.match(await page.textContent(".hand-in [role=status]"), /^Saved as open-door-Marai-/);
  await page.fill("#hand-in-name", "Maria"); // the typo seen too late
  assert.equal(
    await page.textContent(".hand-in [role=status]"),
    `You changed your name after saving ${first.suggestedFilename()}, so that file has the old name and another code: download again to hand in this one.`,
  );
  const renamed = await page.textContent(".hand-in [role=status]");
  await page.reload();
  await page.waitForSelector("#hand-in-name");
  assert.equal(await page.inputValue("#hand-in-name"), "Maria");
  assert.equal(await page.textContent(".hand-in [role=status]"), renamed, "still said after a reload");
  // The name typed back as it was in the file: the file is right again.
  await page.fill("#hand-in-name", "Marai");
  assert.equal(await page.textContent(".hand-in [role=status]"), `Saved as ${first.suggestedFilename()} in your downloads. Hand this file to your teacher.`);
  await page.fill("#hand-in-name", "Maria");
  const [second] = await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
  assert.match(second.suggestedFilename(), /^open-door-Maria-/);
  assert.equal(await page.textContent(".hand-in [role=status]"), `Saved as ${second.suggestedFilename()} in your downloads. Hand this file to your teacher.`);
  const saved = JSON.parse(readFileSync(await second.path(), "utf8"));
  assert.equal(saved.name, "Maria");
  assert.equal(saved.code, await page.textContent(".result-code"), "the file carries the code on screen");
  // Read by the teacher: the quiz's one question makes each topic's
  // average "of 1 answer".
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.setInputFiles("#class-files", [await second.path()]);
  await page.waitForSelector(".class-topics");
  const averages = await page.locator(".class-topics tbody td").allTextContents();
  assert.ok(averages.length > 0 && averages.every((a) => /^\d+% \([01] of 1 answer right\)$/.test(a)), averages.join(" | "));
  watcher.assertClean();
  await context.close();
});

test("the class results quote a question's evidence as the student's review does, a quote of speech with its own marks once", async () => {
  const { page, watcher, context } = await freshPage(app, { acceptDownloads: true });
  // Its evidence is a quote of what someone said: it has its own marks.
  await page.goto(app.url + "/quiz/play?ids=000-08&seed=2&mode=test");
  await answerShown(page);
  const quoted = await page.textContent(".review-item figure.evidence blockquote");
  assert.match(quoted.trim(), /^“But while/);
  await page.fill("#hand-in-name", "Sam");
  const [file] = await Promise.all([page.waitForEvent("download"), page.click("text=Download result (JSON)")]);
  await page.goto(app.url + "/classroom");
  await ready(page);
  await page.setInputFiles("#class-files", [await file.path()]);
  await page.waitForSelector(".class-questions");
  assert.equal((await page.textContent(".class-questions blockquote")).trim(), quoted.trim());
  watcher.assertClean();
  await context.close();
});

test("the name is kept on the device only until the student erases their data", async () => {
  const { page, watcher, context } = await freshPage(app);
  await page.goto(app.url + "/quiz/play?ids=000-02&seed=2&mode=test");
  await answerShown(page);
  await page.fill("#hand-in-name", "  Sam\u0000 ");
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.name")), "Sam", "kept cleaned");
  await eraseMyData(page, app.url);
  assert.equal(await page.evaluate(() => localStorage.getItem("open-door.name")), null);
  await page.goto(app.url + "/quiz/play?ids=000-03&seed=2&mode=test");
  await answerShown(page);
  await page.waitForSelector("#hand-in-name");
  assert.equal(await page.inputValue("#hand-in-name"), "");
  watcher.assertClean();
  await context.close();
});
