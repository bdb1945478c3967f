// Builds the front-end: assets/app.scss -> assessor/static/css/app.css, and copies the
// GOV.UK Frontend files the stylesheet and pages refer to into assessor/static/vendor/govuk/:
// the fonts and images the stylesheet names, and the components' script (started by
// assessor/static/js/govuk.js).
// Run with `node assets/build.mjs` (./dev setup runs it when the sources change).
import { copyFileSync, mkdirSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const staticDir = join(root, "assessor", "static");
const cssDir = join(staticDir, "css");
const vendorDir = join(staticDir, "vendor", "govuk");

const result = sass.compile(join(root, "assets", "app.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  sourceMap: false,
  quietDeps: true,
});
const css = result.css;

// Not a government service: no GDS Transport typeface, no crown or crest.
for (const banned of ["GDS Transport", "@font-face", "govuk-crest", "govuk-crown"]) {
  if (css.includes(banned)) {
    console.error(`build: the stylesheet mentions "${banned}", which Assessor must not use`);
    process.exit(1);
  }
}

mkdirSync(cssDir, { recursive: true });
writeFileSync(join(cssDir, "app.css"), css + "\n");

// Copy every govuk-frontend file the stylesheet refers to, and nothing else.
rmSync(vendorDir, { recursive: true, force: true });
mkdirSync(vendorDir, { recursive: true });
const referenced = new Set();
for (const match of css.matchAll(/url\(["']?\.\.\/vendor\/govuk\/([^"')]+)["']?\)/g)) {
  referenced.add(match[1]);
}
for (const relative of referenced) {
  const source = join(govuk, "assets", relative);
  if (!existsSync(source)) {
    console.error(`build: the stylesheet refers to ${relative}, which govuk-frontend does not ship`);
    process.exit(1);
  }
  mkdirSync(dirname(join(vendorDir, relative)), { recursive: true });
  copyFileSync(source, join(vendorDir, relative));
}

for (const script of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  copyFileSync(join(govuk, script), join(vendorDir, script));
}

console.log(
  `build: assessor/static/css/app.css (${Math.round(css.length / 1024)} kB), ` +
    `${referenced.size} vendor file(s) copied`,
);
