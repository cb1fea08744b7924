// Registers the service worker and tells the app when a new version is
// waiting. The app shows "A new version is ready: reload"; its button
// dispatches "open-door-apply-update", which activates the new version.
(function () {
  if (!("serviceWorker" in navigator)) return;
  const root = document.documentElement;

  function announce(worker) {
    root.dataset.updateReady = "true";
    window.dispatchEvent(new CustomEvent("open-door-update-ready"));
    window.addEventListener("open-door-apply-update", () => worker.postMessage({ type: "SKIP_WAITING" }), { once: true });
  }

  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only a worker the student accepted takes over an open page: reload
    // once, onto the new version. The first install does not reload.
    if (reloading || root.dataset.updateReady !== "true") return;
    reloading = true;
    window.location.reload();
  });

  navigator.serviceWorker
    .register("/sw.js")
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
        });
      });
    })
    .catch((error) => console.warn("Open Door will not work offline:", error.message));
})();
