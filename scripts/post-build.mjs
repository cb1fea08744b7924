// Trunk post_build hook (runs in TRUNK_STAGING_DIR's parent project):
// 1. writes the sha256 of every inline script into the CSP meta tag, so the
//    policy needs no 'unsafe-inline';
// 2. writes the service worker's precache list and version from the built
//    files and their content hashes, so no list is ever kept by hand.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run me from trunk)");
  process.exit(1);
}

const sha256 = (data, encoding) => createHash("sha256").update(data).digest(encoding);

const indexPath = join(staging, "index.html");
const html = readFileSync(indexPath, "utf8");
const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const placeholder = "__INLINE_SCRIPT_HASHES__";
if (!html.includes(placeholder)) {
  console.error("post-build: index.html has no CSP placeholder " + placeholder);
  process.exit(1);
}
const hashes = inlineScripts.map((body) => `'sha256-${sha256(body, "base64")}'`).join(" ");
writeFileSync(indexPath, html.replace(placeholder, hashes));

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const swPath = join(staging, "sw.js");
const files = walk(staging)
  .filter((path) => path !== swPath)
  .map((path) => ({ url: "/" + relative(staging, path).split(sep).join("/"), hash: sha256(readFileSync(path), "hex") }))
  .sort((a, b) => a.url.localeCompare(b.url));
const version = sha256(files.map((f) => `${f.url} ${f.hash}`).join("\n"), "hex").slice(0, 16);
const sw = readFileSync(swPath, "utf8");
if (!sw.includes('"__BUILD_VERSION__"') || !sw.includes('"__PRECACHE_LIST__"')) {
  console.error("post-build: sw.js has lost its placeholders");
  process.exit(1);
}
writeFileSync(
  swPath,
  sw.replace('"__BUILD_VERSION__"', JSON.stringify(version)).replace('"__PRECACHE_LIST__"', JSON.stringify(files.map((f) => f.url))),
);
console.log(`post-build: ${inlineScripts.length} inline script hash(es) in the CSP; ${files.length} files precached as version ${version}`);
