// Trunk post_build hook:
// 0. draws the enlargement maps into figures/ (scripts/figures.mjs), so they
//    are built files like any other and precached below;
// 1. writes the sha256 of every inline script into the CSP meta tag, so the
//    policy needs no 'unsafe-inline';
// 2. writes the service worker's precache list and version from the built
//    files and their content hashes, so no list is ever kept by hand.
// The end-to-end tests import `stampServiceWorker` to make a second build.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { writeEnlargementMaps } from "./figures.mjs";

const sha256 = (data, encoding) => createHash("sha256").update(data).digest(encoding);
const CSP_PLACEHOLDER = "__INLINE_SCRIPT_HASHES__";

export function stampCsp(dir) {
  const indexPath = join(dir, "index.html");
  const html = readFileSync(indexPath, "utf8");
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error("index.html has no CSP placeholder " + CSP_PLACEHOLDER);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const hashes = inline.map((body) => `'sha256-${sha256(body, "base64")}'`).join(" ");
  writeFileSync(indexPath, html.replace(CSP_PLACEHOLDER, hashes));
  return inline.length;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Writes `dir`/sw.js from `template` with every other file of `dir` precached. */
export function stampServiceWorker(dir, template) {
  const swPath = join(dir, "sw.js");
  const files = walk(dir)
    .filter((path) => path !== swPath)
    .map((path) => ({ url: "/" + relative(dir, path).split(sep).join("/"), hash: sha256(readFileSync(path), "hex") }))
    .sort((a, b) => a.url.localeCompare(b.url));
  const version = sha256(files.map((f) => `${f.url} ${f.hash}`).join("\n"), "hex").slice(0, 16);
  if (!template.includes('"__BUILD_VERSION__"') || !template.includes('"__PRECACHE_LIST__"')) {
    throw new Error("sw.js has lost its placeholders");
  }
  const urls = JSON.stringify(files.map((f) => f.url));
  writeFileSync(swPath, template.replace('"__BUILD_VERSION__"', JSON.stringify(version)).replace('"__PRECACHE_LIST__"', urls));
  return { version, count: files.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    console.error("post-build: TRUNK_STAGING_DIR is not set (run me from trunk)");
    process.exit(1);
  }
  try {
    const maps = writeEnlargementMaps(join(staging, "figures"));
    console.log(`post-build: ${maps.length} enlargement maps drawn`);
    const scripts = stampCsp(staging);
    const { version, count } = stampServiceWorker(staging, readFileSync(join(staging, "sw.js"), "utf8"));
    console.log(`post-build: ${scripts} inline script hash(es) in the CSP; ${count} files precached as version ${version}`);
  } catch (error) {
    console.error("post-build: " + error.message);
    process.exit(1);
  }
}
