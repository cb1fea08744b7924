// Open Door's service worker: the whole app from the cache, so a student who
// opened it once can use all of it with no network.
//
// VERSION and PRECACHE are written by scripts/post-build.mjs from the built
// files: every file's path relative to this script (so the same list works
// at the site root and under a sub-path) and its sha384 `integrity`. Never
// edit them by hand.
const VERSION = "__BUILD_VERSION__";
const PRECACHE = "__PRECACHE_LIST__";
const CACHE_PREFIX = "open-door-";
const CACHE = CACHE_PREFIX + VERSION;
const SHELL = new URL("index.html", self.location).href;

// The content type a file must arrive with where the browser depends on it:
// a captive portal or a host that answers a missing file with its index.html
// sends HTML with status 200, and a cached page of HTML in place of the wasm
// or the JS glue would break every later start, offline too.
const EXPECTED_TYPES = {
  ".html": "text/html",
  ".js": "javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
};

/** Why `response` is not of the type `path` calls for, or null if it is. */
function wrongType(path, response) {
  const extension = (path.match(/\.[a-z0-9]+$/i) || [""])[0].toLowerCase();
  const expected = EXPECTED_TYPES[extension];
  const type = response.headers.get("content-type") || "";
  return expected && !type.includes(expected) ? `content type "${type}", not ${expected}` : null;
}

/**
 * Downloads `path` with the given HTTP cache mode and checks it (status,
 * content type, and the integrity hash, which the browser verifies).
 */
async function download({ path, integrity }, mode) {
  const url = new URL(path, self.location).href;
  const response = await fetch(new Request(url, { cache: mode, integrity }));
  const problem = response.status === 200 ? wrongType(path, response) : `status ${response.status}`;
  if (problem) throw new Error(`${path}: ${problem}`);
  return [url, response];
}

/**
 * Downloads and checks every file, then stores them; nothing is stored
 * unless every file passed. `reuse`: take a file from the browser's HTTP
 * cache when it holds it. The page has just downloaded part of the app (its
 * first load, about a quarter), and on a school's shared line thirty
 * students would otherwise download it twice. The integrity hash makes a
 * cached copy safe: one that differs fails the check and is downloaded
 * afresh.
 */
async function precache(cacheName, { reuse }) {
  const checked = await Promise.all(
    PRECACHE.map((file) => (reuse ? download(file, "force-cache").catch(() => download(file, "reload")) : download(file, "reload"))),
  );
  const cache = await caches.open(cacheName);
  await Promise.all(checked.map(([url, response]) => cache.put(url, response)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    precache(CACHE, { reuse: true }).catch(async (error) => {
      // A failed install never activates, and the browser tries again at
      // the next visit (register-sw.js also asks when the network returns).
      await caches.delete(CACHE);
      throw error;
    }),
  );
});

// The version before this one is kept until the next: a tab still open on
// it (mid-quiz while another tab took the update) asks for its own modules,
// in its own app folder, which this version's cache does not hold and the
// host no longer serves. Older versions go. The browser lists caches in the
// order they were made.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const earlier = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE);
      await Promise.all(earlier.slice(0, -1).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  // A new version waits until the student says so, so nothing changes
  // under them mid-quiz.
  if (type === "SKIP_WAITING") self.skipWaiting();
  // "Try again" on a start-up that failed under this worker: whatever the
  // caches held, fetch every file again, checked, before the page reloads.
  // Replies on the given port either way; on failure the cache is unchanged.
  if (type === "REFRESH_CACHE" && event.ports[0]) {
    const reply = event.ports[0];
    event.waitUntil(
      precache(CACHE, { reuse: false }).then(
        () => reply.postMessage({ refreshed: true }),
        (error) => reply.postMessage({ refreshed: false, error: String(error) }),
      ),
    );
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    // Every page is the same app shell; the router inside picks the page.
    event.respondWith(fromCacheOrNetwork(SHELL, request));
    return;
  }
  event.respondWith(fromCacheOrNetwork(request, request));
});

async function fromCacheOrNetwork(key, request) {
  const cache = await caches.open(CACHE);
  // A page is always this version's; a file this version lacks may be the
  // version before's, asked for by a tab still open on it.
  const cached = (await cache.match(key, { ignoreSearch: true })) || (request.mode !== "navigate" && (await caches.match(key, { ignoreSearch: true })));
  if (cached) return cached;
  // Not cached (the install has not finished, or failed): the network's
  // answer is passed on, never stored, and refused if it is not what was
  // asked for (HTML for the wasm or the JS).
  const response = await fetch(request);
  const path = new URL(request.url).pathname;
  if (request.mode !== "navigate" && response.ok && wrongType(path, response)) {
    return new Response("Not the file that was asked for", { status: 502, statusText: "Bad Gateway" });
  }
  return response;
}
