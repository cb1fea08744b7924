// A small static server for the built app: files from a folder, and
// index.html for any path without a file (the app's router handles it), as
// the README's "Hosting" asks of a host.
// Used by the end-to-end tests and the benchmark; it can be stopped and
// started again to simulate a network that goes away.
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** What a captive portal answers for any address: its own page, status 200. */
const PORTAL_PAGE = "<!DOCTYPE html><html><head><title>Wi-Fi login</title></head><body><form>Log in to use the network</form></body></html>";

/**
 * Serves `root` on 127.0.0.1:`port` (0: any free port). Resolves to
 * { url, close, requests }, where `requests(path)` counts the requests for a path.
 * `base`: the path the build is hosted under ("/open-door/"), as a project
 *   page on a static host; nothing is served outside it;
 * `failing`: answer every request with 500 (a server that breaks while online);
 * `missing`: paths answered with 404 (a precache file that fails to download);
 * `faults`: path to what goes wrong with it: "404" or "500" (that status),
 *   "html" (a captive portal's page, status 200), "truncated" (half the file);
 * `gzip`: compress responses for clients that accept it, as a real host does;
 * `precompressed`: send the build's own `.br` or `.gz` beside a file instead;
 * `delays`: path to milliseconds to wait before answering it (a slow network).
 */
export async function serve(root, port = 0, { base = "/", failing = false, missing = [], faults = {}, gzip = false, precompressed = false, delays = {} } = {}) {
  const compressed = new Map();
  const counts = new Map();
  const server = createServer(async (req, res) => {
    const requested = new URL(req.url, "http://x").pathname;
    counts.set(requested, (counts.get(requested) || 0) + 1);
    if (delays[requested]) await new Promise((resolve) => setTimeout(resolve, delays[requested]));
    const fault = failing ? "500" : missing.includes(requested) ? "404" : faults[requested];
    if (fault === "404" || fault === "500" || !requested.startsWith(base)) {
      res.writeHead(fault === "500" ? 500 : 404);
      res.end(fault === "500" ? "server error" : "not found");
      return;
    }
    if (fault === "html") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end(PORTAL_PAGE);
      return;
    }
    const path = normalize(decodeURIComponent(requested.slice(base.length - 1))).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
    } catch {
      file = join(root, "index.html");
    }
    try {
      let body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream" };
      const accepted = req.headers["accept-encoding"] || "";
      const stored = precompressed && [["br", ".br"], ["gzip", ".gz"]].find(([name, suffix]) => accepted.includes(name) && existsSync(file + suffix));
      if (stored) {
        body = await readFile(file + stored[1]);
        headers["content-encoding"] = stored[0];
      } else if (gzip && /\bgzip\b/.test(accepted)) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body));
        body = compressed.get(file);
        headers["content-encoding"] = "gzip";
      }
      if (fault === "truncated") body = body.subarray(0, Math.floor(body.length / 2));
      // The service worker script must always be fetched fresh to find updates.
      if (file.endsWith("sw.js")) headers["cache-control"] = "no-cache";
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(500);
      res.end("server error");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    requests: (path) => counts.get(path) || 0,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.argv[4] || "/";
  const { url } = await serve(process.argv[2] || "dist", Number(process.argv[3] || 8080), { base, precompressed: true });
  console.log(`serving on ${url}${base}`);
}
