// Start-up on a slow or flaky network. Until the app runs (src/main.rs then
// removes #start-up), the page says it is loading. If the app never starts,
// say because the download broke off or the browser has no WebAssembly, the
// page says so and offers to try again, instead of staying blank.
(function () {
  const box = document.getElementById("start-up");
  if (!box) return;
  box.hidden = false;

  function failed() {
    if (!box.isConnected || box.dataset.failed) return;
    box.dataset.failed = "true";
    box.querySelector(".start-up-message").textContent =
      "Open Door did not finish loading. The connection may have dropped: check it, then try again.";
    const retry = document.createElement("button");
    retry.type = "button";
    retry.textContent = "Try again";
    retry.addEventListener("click", () => window.location.reload());
    box.append(retry);
    retry.focus();
  }

  // A failed start-up rejects trunk's start-up module, which the browser
  // reports as an error event on the window.
  window.addEventListener("error", failed);
})();
