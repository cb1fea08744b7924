// What scripts/build-wasm.mjs does to wasm-bindgen's output for the main
// module, in the wasm and in its JS glue alike, for a lighter first load.
// Each step checks what it changes, and stops the build saying what it did
// not find rather than write a glue that no longer fits its wasm.
import { readFileSync, writeFileSync } from "node:fs";

const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

function name(text) {
  const encoded = new TextEncoder().encode(text);
  return [...leb(encoded.length), ...encoded];
}

// Where an import's description (after its two names) ends.
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (from) => {
    const flags = bytes[from];
    let [, next] = readLeb(bytes, from + 1);
    if (flags & 1) [, next] = readLeb(bytes, next);
    return next;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // function: its type's index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    default: throw new Error(`import of unknown kind ${kind} at byte ${at - 1}`);
  }
}

// `a` … `Z`, then `aa`, `ab`, …: never a name the glue's object already
// has (wasm-bindgen's all start with `__`), always a plain JS identifier.
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let text = "";
  for (let n = index; ; n = Math.floor(n / letters.length) - 1) {
    text = letters[n % letters.length] + text;
    if (n < letters.length) return text;
  }
}

// `bytes` (a wasm module) with the body of its section `id` replaced by
// what `rewrite(start, end)` makes of the body at those offsets.
function withSection(bytes, id, rewrite) {
  const parts = [bytes.subarray(0, 8)];
  for (let at = 8; at < bytes.length; ) {
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (bytes[at] === id) {
      const body = rewrite(start, end);
      parts.push(Uint8Array.of(id, ...leb(body.length)), body);
    } else {
      parts.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(parts);
}

/** Renames the imports `wasmPath` takes from `glueModule` (the glue's own
 * module name, `./<name>_bg.js`) in the wasm and in the glue at `gluePath`.
 *
 * wasm-bindgen names each import after the JS function and a 16-digit hash
 * (`__wbg_location_7320782274fc691b`), and every class link downloads each
 * of the ~190 names twice: in the wasm's import section and in the glue's
 * imports object. The hashes do not compress; as `a`, `b`, … the two files
 * came out 5.8 KB smaller gzipped (3.3 KB of it the wasm, 2.5 KB the
 * glue). Each import must appear in the glue exactly once, as a whole
 * name. */
export function shortenImports(wasmPath, gluePath, glueModule) {
  let glue = readFileSync(gluePath, "utf8");
  let renamed = 0;
  const bytes = readFileSync(wasmPath);
  const wasm = withSection(bytes, IMPORT_SECTION, (start) => {
    let [count, cursor] = readLeb(bytes, start);
    const body = [...leb(count)];
    while (count-- > 0) {
      const [module, afterModule] = readName(bytes, cursor);
      let [field, afterField] = readName(bytes, afterModule);
      const afterDescription = skipDescription(bytes, afterField);
      if (module === glueModule) {
        const short = shortName(renamed++);
        const uses = glue.split(new RegExp(`\\b${field}\\b`));
        if (uses.length !== 2) {
          throw new Error(`the glue names the import ${field} ${uses.length - 1} times, not once`);
        }
        glue = uses.join(short);
        field = short;
      }
      body.push(...name(module), ...name(field), ...bytes.subarray(afterField, afterDescription));
      cursor = afterDescription;
    }
    return Uint8Array.from(body);
  });
  if (renamed === 0) throw new Error(`${wasmPath} imports nothing from ${glueModule}`);
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
  return renamed;
}

// wasm-streams' adapters from Rust streams to JS ones, which the wasm
// exports as classes for the glue. Leptos always turns on server_fn's
// `browser` feature, which brings them, but this app calls no server
// function: nothing in it makes a stream, and the wasm never hands one of
// these objects to JS (it imports no constructor for them). Without them
// the main module is 1.2 KB smaller gzipped and the glue 0.3 KB.
const STREAM_ADAPTERS = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/** Removes `STREAM_ADAPTERS` from the exports of the wasm at `wasmPath`
 * (wasm-opt then drops the code only they reached) and from the glue at
 * `gluePath`. */
export function dropStreamAdapters(wasmPath, gluePath) {
  const lower = STREAM_ADAPTERS.map((adapter) => adapter.toLowerCase());
  const isAdapterExport = (name) => lower.some((adapter) => name.startsWith(`${adapter}_`) || name === `__wbg_${adapter}_free`);
  const bytes = readFileSync(wasmPath);
  let dropped = 0;
  const wasm = withSection(bytes, EXPORT_SECTION, (start) => {
    let [count, cursor] = readLeb(bytes, start);
    const kept = [];
    while (count-- > 0) {
      const [field, afterField] = readName(bytes, cursor);
      const afterIndex = readLeb(bytes, afterField + 1)[1]; // kind, index
      if (isAdapterExport(field)) dropped++;
      else kept.push(bytes.subarray(cursor, afterIndex));
      cursor = afterIndex;
    }
    return Buffer.concat([Uint8Array.from(leb(kept.length)), ...kept]);
  });
  let glue = readFileSync(gluePath, "utf8");
  for (const adapter of STREAM_ADAPTERS) {
    for (const pattern of [
      new RegExp(String.raw`export class ${adapter} \{\n[\s\S]*?\n\}\n`),
      new RegExp(String.raw`if \(Symbol\.dispose\) ${adapter}\.prototype\[Symbol\.dispose\] = ${adapter}\.prototype\.free;\n`),
      new RegExp(String.raw`const ${adapter}Finalization = [^\n]*\n[^\n]*\n[^\n]*\n`),
    ]) {
      if (!pattern.test(glue)) throw new Error(`the glue has no ${pattern.source}: has wasm-bindgen changed?`);
      glue = glue.replace(pattern, "");
    }
  }
  const left = glue.match(/intounderlying\w*/i);
  if (dropped === 0 || left) {
    throw new Error(`the stream adapters were not all dropped (${dropped} exports; the glue still names ${left?.[0]})`);
  }
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
  return dropped;
}
