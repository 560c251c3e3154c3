// Builds what ehdocs serves under /assets/ into web/dist/: the stylesheet compiled from
// web/styles/app.scss over GOV.UK Frontend (from node_modules), Frontend's JavaScript and the
// app's own script. Run by scripts/setup.sh after `npm ci`; needs nothing from the network.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, "web", "dist");
const frontend = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
mkdirSync(dist, { recursive: true });

const css = compile(join(root, "web", "styles", "app.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(dist, "app.css"), css.css);
copyFileSync(join(frontend, "govuk-frontend.min.js"), join(dist, "govuk-frontend.min.js"));
copyFileSync(join(root, "web", "assets", "app.mjs"), join(dist, "app.mjs"));
console.log(`web assets built in ${dist}`);
