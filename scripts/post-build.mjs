// Trunk post_build hook, run on the staged build before trunk moves it to
// dist/:
// 0. draws the enlargement maps into figures/ (scripts/figures.mjs), so they
//    are built files like any other: precached and precompressed below;
// 1. writes the name of the app's folder (app-<hash>/, from the pre_build
//    hook scripts/build-wasm.mjs) into index.html, then trunk's public URL (`--public-url /open-door/`, TRUNK_PUBLIC_URL)
//    into index.html's own root-relative links (manifest, icons, the app's
//    folder; trunk writes it into the links it makes itself) and into the
//    <meta name="open-door-public-url"> the app reads (src/paths.rs);
// 2. writes the page's one script (app-<hash>/start.js, bundled by
//    scripts/build-wasm.mjs) and its stylesheet into index.html in place of
//    their links, drops the Rust link trunk skipped, and removes their
//    files (the other pages' stylesheet, app-<hash>/pages.css, stays a
//    file: src/lazy.rs);
// 3. writes the sha256 of every inline script and style into the CSP meta
//    tag, so the policy needs no 'unsafe-inline';
// 4. writes the service worker's precache list (every built file but the
//    files of each question's details, its path relative to sw.js and its sha384
//    integrity) and version, so no list is ever kept by hand;
// 5. in a release build, writes each file precompressed beside it
//    (`.br` and `.gz`) for hosts that serve them.
// The end-to-end tests import `stampServiceWorker` to make a second build;
// the benchmark imports `gzip` and `brotli`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { APP_DIR_PREFIX, QUESTIONS_DIR } from "./build-wasm.mjs";
import { writeEnlargementMaps } from "./figures.mjs";

const digest = (algorithm, data) => createHash(algorithm).update(data).digest("base64");
const CSP_PLACEHOLDERS = { script: "__INLINE_SCRIPT_HASHES__", style: "__INLINE_STYLE_HASHES__" };
// A release build's index.html is minified by trunk (Trunk.toml), which
// leaves attribute values unquoted and reorders them: these patterns take
// either form, and what they write is always quoted.
const PUBLIC_URL_META = /<meta\b[^>]*\bname="?open-door-public-url"?[^>]*>/;
const ATTRIBUTE_VALUE = String.raw`(?:"([^"]*)"|([^\s"'=<>\x60]+))`;
const CONTENT_ATTRIBUTE = new RegExp(String.raw`\scontent=${ATTRIBUTE_VALUE}`);
const LINK_ATTRIBUTE = new RegExp(String.raw`(\s(?:href|src)=)${ATTRIBUTE_VALUE}`, "g");
const PRECOMPRESSED = /\.(br|gz)$/;

const APP_DIR_PLACEHOLDER = /__APP_DIR__/g;

/** Writes the name of the app's folder (scripts/build-wasm.mjs) into `dir`/index.html. */
export function stampAppDir(dir) {
  const apps = readdirSync(dir).filter((name) => name.startsWith(APP_DIR_PREFIX));
  if (apps.length !== 1) throw new Error(`expected one ${APP_DIR_PREFIX}* folder from build-wasm.mjs, found ${apps.length}`);
  const indexPath = join(dir, "index.html");
  const html = readFileSync(indexPath, "utf8");
  if (!html.includes("__APP_DIR__")) throw new Error("index.html has no __APP_DIR__ placeholder");
  writeFileSync(indexPath, html.replace(APP_DIR_PLACEHOLDER, apps[0]));
  return apps[0];
}

/** Writes `publicUrl` ("/" or "/open-door/") into `dir`/index.html. */
export function stampPublicUrl(dir, publicUrl) {
  if (!/^\/([^/]+\/)*$/.test(publicUrl)) {
    throw new Error(`the public URL must be a path from the site root ending in a slash, such as /open-door/ (got ${publicUrl})`);
  }
  const indexPath = join(dir, "index.html");
  const html = readFileSync(indexPath, "utf8");
  if (!PUBLIC_URL_META.test(html)) throw new Error('index.html has no <meta name="open-door-public-url">');
  const stamped = html
    .replace(PUBLIC_URL_META, (meta) => meta.replace(CONTENT_ATTRIBUTE, ` content="${publicUrl}"`))
    // Root-relative href and src not yet under the public URL: ours.
    .replace(LINK_ATTRIBUTE, (whole, attribute, quoted, bare) => {
      const url = quoted ?? bare;
      return !url.startsWith("/") || url.startsWith("//") || url.startsWith(publicUrl)
        ? whole
        : `${attribute}"${publicUrl}${url.slice(1)}"`;
    });
  writeFileSync(indexPath, stamped);
}

/**
 * Writes the page's one script and its stylesheet into `dir`/index.html in
 * place of their links, and removes their files. On a first load they then
 * come with the page, on the line while the request for the main module
 * (which the page's preload link sends as soon as the page's head is read)
 * waits for its answer, instead of sharing the line with the main module
 * as two more files: the first question came 80 to 120 ms sooner on the
 * benchmark's line (bench/HISTORY.md). Run after `stampPublicUrl`, which
 * must not read their text as the page's links.
 */
export function inlineStartUp(dir, publicUrl) {
  const indexPath = join(dir, "index.html");
  const html = readFileSync(indexPath, "utf8");
  // The file a link names: its path from the public URL, under `dir`.
  const file = (tag) => {
    const [, quoted, bare] = tag.match(new RegExp(String.raw`\s(?:href|src)=${ATTRIBUTE_VALUE}`));
    const url = quoted ?? bare;
    if (!url.startsWith(publicUrl)) throw new Error(`${url} is not under the public URL ${publicUrl}`);
    return join(dir, url.slice(publicUrl.length));
  };
  // The text of `path`, which must not end the element it goes into early.
  const inlined = (path, element) => {
    const text = readFileSync(path, "utf8");
    if (new RegExp(`</${element}|<!--`, "i").test(text)) throw new Error(`${path} cannot be written into a <${element}>: it contains </${element} or <!--`);
    return text;
  };
  const once = (pattern, what) => {
    const found = html.match(new RegExp(pattern, "g")) ?? [];
    if (found.length !== 1) throw new Error(`index.html should have one ${what}, found ${found.length}`);
    return found[0];
  };
  const scriptTag = once(String.raw`<script\b[^>]*\ssrc=[^>]*/start\.js[^>]*></script>`, "start.js script");
  // The other pages' stylesheet (disabled until used) stays a file.
  const styleTag = once(String.raw`<link\b(?![^>]*\sdisabled)[^>]*\srel="?stylesheet"?[^>]*>`, "stylesheet link");
  // The Rust link trunk leaves in the page when it skips it
  // (`data-trunk-skip`: the pre_build hook builds the wasm): it names
  // nothing the page loads, and was 70 bytes of every first load.
  const rustTag = once(String.raw`<link\b[^>]*\sdata-trunk-skip[^>]*>`, "skipped Rust link");
  const [scriptPath, stylePath] = [file(scriptTag), file(styleTag)];
  const [script, style] = [inlined(scriptPath, "script"), inlined(stylePath, "style")];
  // Functions as replacements: the texts may hold `$`, which a replacement string reads.
  const inlinedHtml = html.replace(scriptTag, () => `<script type="module">${script}</script>`).replace(styleTag, () => `<style>${style}</style>`).replace(rustTag, "");
  writeFileSync(indexPath, inlinedHtml);
  // Removed once the page holds them, so a failed write leaves the build as it was.
  for (const path of [scriptPath, stylePath]) rmSync(path);
}

/** Writes the sha256 of every inline script and style of `dir`/index.html into its CSP. */
export function stampCsp(dir) {
  const indexPath = join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const counts = {};
  for (const [element, placeholder] of Object.entries(CSP_PLACEHOLDERS)) {
    if (!html.includes(placeholder)) throw new Error("index.html has no CSP placeholder " + placeholder);
    const inline = [...html.matchAll(new RegExp(String.raw`<${element}(?![^>]*\ssrc=)[^>]*>([\s\S]*?)</${element}>`, "g"))].map((m) => m[1]);
    const hashes = inline.map((body) => `'sha256-${digest("sha256", body)}'`).join(" ");
    html = html.replace(placeholder, () => hashes);
    counts[element] = inline.length;
  }
  writeFileSync(indexPath, html);
  return counts;
}

/** Every file under `dir` that a browser asks for (not the precompressed copies). */
function builtFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? builtFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((path) => !PRECOMPRESSED.test(path));
}

/**
 * Whether a built file is one question's details (scripts/build-wasm.mjs).
 * Those are not precached: they only speed up a class link's first load,
 * and offline the app reads every question's from its own module.
 */
const isQuestionDetails = (path) => path.split(sep)[1] === QUESTIONS_DIR && path.startsWith(APP_DIR_PREFIX);

/** Writes `dir`/sw.js from `template` with every other file of `dir` precached (not the questions' details). */
export function stampServiceWorker(dir, template) {
  const swPath = join(dir, "sw.js");
  const files = builtFiles(dir)
    .filter((path) => path !== swPath && !isQuestionDetails(relative(dir, path)))
    .map((path) => ({ path: relative(dir, path).split(sep).join("/"), integrity: "sha384-" + digest("sha384", readFileSync(path)) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const version = createHash("sha256").update(files.map((f) => `${f.path} ${f.integrity}`).join("\n")).digest("hex").slice(0, 16);
  if (!template.includes('"__BUILD_VERSION__"') || !template.includes('"__PRECACHE_LIST__"')) {
    throw new Error("sw.js has lost its placeholders");
  }
  writeFileSync(swPath, template.replace('"__BUILD_VERSION__"', JSON.stringify(version)).replace('"__PRECACHE_LIST__"', JSON.stringify(files)));
  return { version, count: files.length };
}

export const gzip = (data) => gzipSync(data, { level: 9 });
export const brotli = (data) =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });

/** Writes `name.br` and `name.gz` beside every built file; returns the totals. */
export function writePrecompressed(dir) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const path of builtFiles(dir)) {
    const body = readFileSync(path);
    const [gz, br] = [gzip(body), brotli(body)];
    writeFileSync(path + ".gz", gz);
    writeFileSync(path + ".br", br);
    total.raw += body.length;
    total.gzip += gz.length;
    total.brotli += br.length;
  }
  return total;
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
    const app = stampAppDir(staging);
    const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
    stampPublicUrl(staging, publicUrl);
    inlineStartUp(staging, publicUrl);
    const inline = stampCsp(staging);
    const { version, count } = stampServiceWorker(staging, readFileSync(join(staging, "sw.js"), "utf8"));
    console.log(`post-build: app in ${app}; public URL ${publicUrl}; start-up script and stylesheet written into index.html; ${inline.script} inline script and ${inline.style} style hash(es) in the CSP; ${count} files precached as version ${version}`);
    // Development builds (`trunk serve`) skip the compression, which takes
    // a few seconds.
    if (process.env.TRUNK_PROFILE === "release") {
      const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
      const { raw, gzip, brotli } = writePrecompressed(staging);
      console.log(`post-build: precompressed ${kb(raw)} to ${kb(gzip)} (.gz) and ${kb(brotli)} (.br)`);
    }
  } catch (error) {
    console.error("post-build: " + error.message);
    process.exit(1);
  }
}
