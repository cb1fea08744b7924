// A small static server for the built app: files from a folder, and
// index.html for any path without a file (the app's router handles it).
// Used by the end-to-end tests and the benchmark; it can be stopped and
// started again to simulate a network that goes away.
import { createServer } from "node:http";
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

/**
 * Serves `root` on 127.0.0.1:`port` (0: any free port). Resolves to { url, close }.
 * `failing`: answer every request with 500 (a server that breaks while online);
 * `missing`: paths answered with 404 (a precache file that fails to download);
 * `gzip`: compress responses for clients that accept it, as a real host does.
 */
export async function serve(root, port = 0, { failing = false, missing = [], gzip = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    if (failing || missing.includes(new URL(req.url, "http://x").pathname)) {
      res.writeHead(failing ? 500 : 404);
      res.end(failing ? "server error" : "not found");
      return;
    }
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
    } catch {
      file = join(root, "index.html");
    }
    try {
      let body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream" };
      if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body));
        body = compressed.get(file);
        headers["content-encoding"] = "gzip";
      }
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
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] || "dist", Number(process.argv[3] || 8080));
  console.log(`serving on ${url}`);
}
