// Registers the service worker and tells the app when a new version is
// waiting. The app shows "A new version is ready: reload"; its button
// dispatches "open-door-apply-update", which activates the new version.
(function () {
  if (!("serviceWorker" in navigator)) return;
  const root = document.documentElement;
  // The worker sits beside this file, wherever the build is hosted (the
  // site root or a sub-path), and its folder is the worker's scope.
  const workerUrl = new URL("sw.js", document.currentScript.src);
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

  function register() {
    navigator.serviceWorker
      .register(workerUrl.href)
      .then((found) => {
        registration = found;
        if (registration.waiting && navigator.serviceWorker.controller) announce();
        registration.addEventListener("updatefound", () => {
          const worker = registration.installing;
          if (!worker) return;
          worker.addEventListener("statechange", () => {
            if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
          });
        });
        // An install that failed (a bad answer from the network) is tried
        // again when the network comes back, not only at the next visit.
        window.addEventListener("online", () => registration.update().catch(() => {}));
      })
      .catch((error) => console.warn("Open Door will not work offline:", error.message));
  }

  // Not at once: installing the worker downloads every file of the app
  // (about 790 KB gzipped), which on a slow line would share it with the
  // first load's own files, and registering takes the main thread while
  // the first screen is drawn. So it waits until the app has started
  // (start.js marks the page, then fires "TrunkApplicationStarted"; on a
  // line that stalls, this script may run after both) and the browser is
  // idle, or until the start has failed, when a stored copy may help
  // "Try again".
  let asked = false;
  function registerOnce() {
    if (asked) return;
    asked = true;
    if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: 2000 });
    else setTimeout(register, 1000);
  }
  if (root.dataset.started) registerOnce();
  window.addEventListener("TrunkApplicationStarted", registerOnce);
  window.addEventListener("error", registerOnce, true);
})();
