// Draws the enlargement map: one static SVG per round of
// content/figures/enlargement.toml (figures/enlargement-YYYY.svg), from the
// public-domain Natural Earth shapes in the npm package world-atlas. Run by
// scripts/post-build.mjs on every build, before the service worker's
// precache list is written, so the pictures always match the data the app
// shows as a table and are cached for offline use. Nothing is fetched: the
// shapes come from node_modules.
//
// A member is drawn with a hatch, the round's new members with dots and a
// darker fill, so colour is never the only cue; members the map cannot show
// (beyond its western edge) are counted in a note on the map, not named:
// they are founders, whom the reference does not name (the map's own note,
// map_note, says which countries lie beyond that edge). Each member's shape
// carries data-member="Name", and the note data-off-map, which the
// end-to-end tests compare with the table and the figure's file.
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { geoAzimuthalEqualArea, geoPath, geoBounds } from "d3-geo";
import { feature } from "topojson-client";
import { parse } from "smol-toml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATA_FILE = "content/figures/enlargement.toml";
const WIDTH = 640;
const HEIGHT = 560;
// Europe and the North Atlantic: Iceland in the west, Finland's whole
// border with Russia in the north-east, Turkey in the south-east.
const EXTENT = { west: -26, east: 46, south: 34, north: 71 };

// Names written on the map, so the border between Finland and Russia can be
// found without colour: each name's middle placed by hand (longitude,
// latitude) on its country, turned (degrees) where it fits only so, and its
// size on a phone (see STYLE) where the usual one would not fit. Finland is
// narrower than its name is long: written across, the name ran over Sweden
// and Russia, and named the wrong country; on a phone it stays within
// Finland at 21 px of the map's 640 (e2e/figures.test.mjs checks that each
// name lies on its own country alone, at both sizes).
const LABELS = [["Finland", [25, 63.95], -90, 21], ["Russia", [42, 58], 0]];
// Greenland belongs to Denmark; the reference says nothing of how it
// counts, so the map neither shades it as a member nor as an outsider.
const LEFT_OUT = ["Greenland"];

const labelId = (name) => `name-${name.toLowerCase()}`;
const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function outline({ west, east, south, north }) {
  const ring = [];
  for (let lon = west; lon <= east; lon += 2) ring.push([lon, south]);
  for (let lat = south; lat <= north; lat += 2) ring.push([east, lat]);
  for (let lon = east; lon >= west; lon -= 2) ring.push([lon, north]);
  for (let lat = north; lat >= south; lat -= 2) ring.push([west, lat]);
  ring.push([west, south]);
  // d3-geo takes a clockwise ring as the area inside it.
  return { type: "Feature", geometry: { type: "Polygon", coordinates: [ring.reverse()] } };
}

// On a phone the map is drawn at half its size or less, and its names came
// out at 8 px (a student's walk): wherever it is drawn 480 px wide or less
// they are set larger. The media query reads the width the image is drawn
// at, not the page's. The note, longer then, runs over Russia's coast: it
// has the names' halo, so it reads over land as over sea.
const STYLE = `
.land{fill:#e4e6ea;stroke:#fff;stroke-width:.6}
.m{fill:url(#member);stroke:#1f3a68;stroke-width:.6}
.n{fill:url(#joined);stroke:#000;stroke-width:1}
.label{font:700 18px system-ui,sans-serif;fill:#14213d;paint-order:stroke;stroke:#fff;stroke-width:4px}
.note{font:italic 17px system-ui,sans-serif;fill:#333;paint-order:stroke;stroke:#fff;stroke-width:4px}
#member rect{fill:#a9c1e8}#member path{stroke:#1f3a68}
#joined rect{fill:#c2410c}#joined circle{fill:#fff}
@media (max-width:480px){.label{font-size:30px;stroke-width:6px}${LABELS.filter((label) => label[3]).map(([name, , , size]) => `#${labelId(name)}{font-size:${size}px}`).join("")}.note{font-size:28px}}
@media (prefers-color-scheme:dark){
.land{fill:#3b4350;stroke:#1b1f24}
.m{stroke:#c9d8f0}
.label{fill:#f1f3f5;stroke:#1b1f24}
.note{fill:#d0d4da;stroke:#1b1f24}
#member rect{fill:#2d4c80}#member path{stroke:#c9d8f0}
#joined rect{fill:#f59e0b}#joined circle{fill:#1b1f24}
}`;

const PATTERNS = `<defs>
<pattern id="member" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6"/><path d="M0 0V6" stroke-width="2"/></pattern>
<pattern id="joined" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6"/><circle cx="3" cy="3" r="1.3"/></pattern>
</defs>`;

/** Reads the rounds and returns one SVG text per round: [{ year, file, svg }]. */
export function drawEnlargementMaps() {
  const data = parse(readFileSync(join(root, DATA_FILE), "utf8"));
  const atlas = JSON.parse(readFileSync(join(root, "node_modules/world-atlas/countries-110m.json"), "utf8"));
  const countries = feature(atlas, atlas.objects.countries).features;
  const byName = new Map(countries.map((c) => [c.properties.name, c]));
  const shapeOf = (member) => {
    const name = data.map_shapes?.[member] ?? member;
    const shape = byName.get(name);
    if (!shape) throw new Error(`${DATA_FILE}: ${member}: no country named "${name}" in Natural Earth (world-atlas); add it to [map_shapes]`);
    return shape;
  };

  const projection = geoAzimuthalEqualArea()
    .rotate([-(EXTENT.west + EXTENT.east) / 2, -(EXTENT.south + EXTENT.north) / 2])
    .fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], outline(EXTENT))
    .clipExtent([[0, 0], [WIDTH, HEIGHT]]);
  const path = geoPath(projection).digits(0);
  // Countries wholly outside the extent are left out; a member among them is
  // named in the note instead.
  const onMap = (country) => {
    const [[west, south], [east, north]] = geoBounds(country);
    const crossesDateLine = west > east; // Russia: its bounds wrap round
    const outside = north < EXTENT.south || south > EXTENT.north || (!crossesDateLine && (east < EXTENT.west || west > EXTENT.east));
    return !outside && !LEFT_OUT.includes(country.properties.name) && path(country);
  };
  const drawn = countries.filter(onMap);

  const memberShapes = new Map(); // Natural Earth name -> our member name
  const rounds = data.round.map((round) => String(round.date).slice(0, 4));
  return data.round.map((round, index) => {
    const year = rounds[index];
    const joined = new Set(round.members.map((m) => shapeOf(m).properties.name));
    for (const member of round.members) memberShapes.set(shapeOf(member).properties.name, member);
    const count = [...memberShapes.keys()].length;
    const shapes = drawn.map((country) => {
      const name = country.properties.name;
      const member = memberShapes.get(name);
      const kind = joined.has(name) ? "n" : member ? "m" : "land";
      const attributes = member ? ` data-member="${escape(member)}"` : "";
      return `<path class="${kind}"${attributes} d="${path(country)}"/>`;
    });
    const offMap = [...memberShapes.entries()].filter(([name]) => !drawn.some((c) => c.properties.name === name)).map(([, member]) => member);
    const note = offMap.length
      ? `<text class="note" x="6" y="64" data-off-map="${escape(offMap.join(";"))}">← ${offMap.length} more members beyond this edge</text>`
      : "";
    const labels = LABELS.map(([name, at, turn]) => {
      const [x, y] = projection(at).map(Math.round);
      const turned = turn ? ` transform="rotate(${turn} ${x} ${y})"` : "";
      return `<text class="label" id="${labelId(name)}" x="${x}" y="${y}" text-anchor="middle" dominant-baseline="central"${turned}>${name}</text>`;
    });
    const title = `NATO in ${year}: ${count} members`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escape(title)}" data-year="${year}" data-count="${count}">
<title>${escape(title)}</title><style>${STYLE}</style>${PATTERNS}
${shapes.join("\n")}
${labels.join("")}${note}
</svg>
`;
    return { year, file: `enlargement-${year}.svg`, svg };
  });
}

/** Writes the maps into `dir` (the build's figures folder). */
export function writeEnlargementMaps(dir) {
  mkdirSync(dir, { recursive: true });
  const maps = drawEnlargementMaps();
  for (const { file, svg } of maps) writeFileSync(join(dir, file), svg);
  return maps;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/figures.mjs OUTPUT_DIR");
    process.exit(1);
  }
  const maps = writeEnlargementMaps(dir);
  console.log(maps.map(({ file, svg }) => `${file} ${svg.length} bytes`).join("\n"));
}
