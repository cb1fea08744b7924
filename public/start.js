// Starts the app: the wasm-bindgen glue loads the main module. This file,
// the glue and the rest of the page's one script are bundled by
// scripts/build-wasm.mjs and written into index.html (scripts/post-build.mjs),
// where `import.meta.url` is the main module's address, in app-<hash>/ with
// every file this script asks for. A failure here is an uncaught error,
// which index.html's start-up script turns into "did not finish loading"
// with "Try again".
import init from "./open-door.js";
import "./register-sw.js";

// A class link lists its questions (`/quiz/play?ids=…`). The app carries
// each question's topic, source and kind but not its details (its words
// and feedback): each built-in question's are a file in the app's folder.
// The first question's file is fetched here, beside the wasm, and the app
// waits for it; the others' only once the first question is drawn (below),
// or sooner if the app asks for one (src/content.rs), so that they share
// the slow line neither with the wasm (on the benchmark's line nine more
// requests made it arrive about 70 ms later) nor with the first drawing.
// A file that fails or is late only means that question comes later, with
// every other's. scripts/build-wasm.mjs writes in the ids that have a file,
// so a pack's questions, or a link's made-up ids, ask for nothing. Under
// the service worker nothing is fetched here: it has every module stored,
// the one with every question's details too, so they come from the device,
// offline as well.
const QUESTION_FILES = new Set("__QUESTION_IDS__".split(" "));
// How long the app waits for the files it asks for: a stalled download
// must not hold the quiz back.
const QUESTIONS_WAIT_MS = 3000;
if (location.pathname.endsWith("/quiz/play") && !navigator.serviceWorker?.controller) {
  const listed = [...new Set((new URLSearchParams(location.search).get("ids") ?? "").split(","))].filter((id) => QUESTION_FILES.has(id));
  // A question's file as `[id, its text, or null if it did not come]`.
  const fetchDetails = (id) =>
    fetch(new URL(`questions/${id}.txt`, import.meta.url))
      .then((response) => (response.ok ? response.text() : null))
      .catch(() => null)
      .then((text) => [id, text]);
  // What `arriving` gives, or nothing once the wait is over.
  const waited = (arriving) => Promise.race([arriving, new Promise((resolve) => setTimeout(resolve, QUESTIONS_WAIT_MS))]);
  const [first, others] = [listed.slice(0, 1), listed.slice(1)];
  const arriving = Promise.all(first.map(fetchDetails));
  globalThis.openDoorFirstQuestion = () => waited(arriving).then((pairs) => pairs ?? []);
  // The others' files, fetched at the first call and kept as each comes.
  // A call gives every file that has come, once those of `wanted` (ids,
  // space-separated) have or the wait is over: one late file holds back
  // its own question only. `ids` tells the app which are coming.
  const came = [];
  let othersArriving = null;
  if (others.length) {
    globalThis.openDoorOtherQuestions = Object.assign(
      (wanted = "") => {
        othersArriving ??= new Map(others.map((id) => [id, fetchDetails(id).then((pair) => came.push(pair))]));
        return waited(Promise.all(wanted.split(" ").map((id) => othersArriving.get(id)))).then(() => [...came]);
      },
      { ids: others.join(" ") },
    );
  }
}

// The styles of every page but the quiz (public/pages.css, in the app's
// folder): index.html links them disabled, which a browser does not fetch,
// so a class link's first load does without them. The app asks for them
// when it first shows a page that needs them (src/lazy.rs) and waits for
// the promise. A file that loads without its last rule came cut short or
// was a portal's page (found by a walk on a flaky network: the pages
// showed unstyled, with no Try again): that fails as an error does, and the
// next call fetches it again, in a fresh link (a link enabled again keeps
// what it loaded).
let pageStyles = null;
globalThis.openDoorPageStyles = () =>
  (pageStyles ??= new Promise((resolve, reject) => {
    const link = document.getElementById("page-styles");
    const loaded = (event) => {
      link.onload = link.onerror = null;
      if (event.type === "load" && getComputedStyle(document.documentElement).getPropertyValue("--pages-css")) return resolve();
      pageStyles = null;
      const fresh = link.cloneNode();
      fresh.disabled = true;
      link.replaceWith(fresh);
      reject();
    };
    link.onload = link.onerror = loaded;
    link.disabled = false;
  }));

const wasm = await init({ module_or_path: new URL("open-door_bg.wasm", import.meta.url) });
// The class link's other questions' files once the first question is drawn
// and the browser is idle: their arrival takes the main thread too (the
// first question came 30 to 50 ms sooner than asking for them at once).
if (globalThis.openDoorOtherQuestions) {
  const fetchOthers = () => globalThis.openDoorOtherQuestions();
  if ("requestIdleCallback" in window) requestIdleCallback(fetchOthers, { timeout: 1000 });
  else setTimeout(fetchOthers, 500);
}
// The same event trunk's own start-up script fires; the benchmark reads the
// wasm memory from it.
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
