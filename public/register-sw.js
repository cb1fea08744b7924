// Registers the service worker and tells the app when a new version is
// waiting. The app shows "A new version is ready: reload"; its button
// dispatches "open-door-apply-update", which activates the new version.
// Part of the page's one script (public/start.js imports it; see
// scripts/build-wasm.mjs): a file of its own was one more request sharing
// the line with the wasm on every first load.
(function () {
  if (!("serviceWorker" in navigator)) return;
  const root = document.documentElement;
  // The worker sits at the build's root, one folder above the app's
  // (app-<hash>/), wherever the build is hosted (the site root or a
  // sub-path), and its folder is the worker's scope. In the page's one
  // script, `import.meta.url` is the main module's address (see
  // scripts/build-wasm.mjs), a file of the app's folder.
  const workerUrl = new URL("../sw.js", import.meta.url);
  let registration = null;
  let accepted = false;
  let reloading = false;

  function announce() {
    root.dataset.updateReady = "true";
    window.dispatchEvent(new CustomEvent("open-door-update-ready"));
  }

  // The student pressed "Reload to update" in this tab.
  window.addEventListener("open-door-apply-update", () => {
    accepted = true;
    const waiting = registration && registration.waiting;
    if (waiting) waiting.postMessage({ type: "SKIP_WAITING" });
    // Another tab has already activated the new version: only reload.
    else window.location.reload();
  });

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only the tab where the student accepted reloads. Every other open tab
    // (one may be mid-quiz) keeps its page and its own prompt, whose button
    // then reloads just that tab. The first install reloads nothing.
    if (!accepted || reloading) return;
    reloading = true;
    window.location.reload();
  });

  // The line can drop while the worker's script is asked for, or while the
  // worker downloads the app to install it. A first install that failed
  // leaves no worker (its registration goes with it), so the app would not
  // work offline until the page is opened again: it is registered again
  // when the browser says the network is back, and, as a school's line can
  // drop and come back with the browser never saying so (the Wi-Fi stays
  // up), after a while: three times, further apart each time, so that a
  // host that fails for good costs each device a few tries, not one a
  // minute. A try downloads only what the last did not bring (sw.js takes
  // files from the browser's cache). An update that failed is asked for
  // again when the network is back.
  const RETRY_AFTER_SECONDS = [10, 60, 300];
  let registerAgain = false;
  let retries = 0;
  function registerLater() {
    registerAgain = true;
    if (retries < RETRY_AFTER_SECONDS.length) setTimeout(registerIfAsked, RETRY_AFTER_SECONDS[retries++] * 1000);
  }
  function registerIfAsked() {
    if (!registerAgain) return;
    registerAgain = false;
    register();
  }
  window.addEventListener("online", () => {
    if (registerAgain) registerIfAsked();
    else if (registration) registration.update().catch(() => {});
  });

  // Each installing worker once: it can be both the registration's
  // `installing` when register() answers and the one "updatefound" names.
  const watched = new WeakSet();
  function watchInstall(worker) {
    if (watched.has(worker)) return;
    watched.add(worker);
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
      if (worker.state === "redundant" && !registration.active) registerLater();
    });
  }

  function register() {
    navigator.serviceWorker
      .register(workerUrl.href)
      .then((found) => {
        registration = found;
        if (registration.waiting && navigator.serviceWorker.controller) announce();
        if (registration.installing) watchInstall(registration.installing);
        registration.addEventListener("updatefound", () => {
          if (registration.installing) watchInstall(registration.installing);
        });
      })
      .catch((error) => {
        console.warn("Open Door will not work offline:", error.message);
        // A browser that allows no worker here (a private window) refuses
        // for good; anything else was the network or the host.
        if (error.name !== "SecurityError") registerLater();
      });
  }

  // Not at once: installing the worker downloads every file of the app
  // (about 790 KB gzipped), which on a slow line would share it with the
  // first load's own files, and registering takes the main thread while
  // the first screen is drawn. So it waits until the app has started
  // (start.js fires "TrunkApplicationStarted") and the browser is idle, or
  // until the start has failed, when a stored copy may help "Try again".
  let asked = false;
  function registerOnce() {
    if (asked) return;
    asked = true;
    if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: 2000 });
    else setTimeout(register, 1000);
  }
  window.addEventListener("TrunkApplicationStarted", registerOnce);
  window.addEventListener("error", registerOnce);
})();
