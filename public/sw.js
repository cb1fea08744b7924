// Open Door's service worker: the whole app from the cache, so a student who
// opened it once can use all of it with no network.
//
// VERSION and PRECACHE are written by scripts/post-build.mjs from the built
// files and their content hashes: never edit them by hand.
const VERSION = "__BUILD_VERSION__";
const PRECACHE = "__PRECACHE_LIST__";
const CACHE_PREFIX = "open-door-";
const CACHE = CACHE_PREFIX + VERSION;
const SHELL = "/index.html";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        // addAll stores nothing unless every file arrives, and a failed
        // install never activates: no half-filled cache is ever used.
        await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

// A new version waits until the student says so, so nothing changes under
// them mid-quiz.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
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
  const cached = await cache.match(key, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // A captive portal answers anything with its login page: never accept
  // HTML where a wasm module was asked for.
  const type = response.headers.get("content-type") || "";
  if (new URL(request.url).pathname.endsWith(".wasm") && !type.includes("wasm")) {
    return new Response("Not a WebAssembly file", { status: 502 });
  }
  return response;
}
