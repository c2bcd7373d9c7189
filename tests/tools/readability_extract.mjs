// Mozilla Readability (Firefox Reader View, and many AI fetchers) on built pages: prints {path: text} as JSON.
// Usage: node readability_extract.mjs SITE_DIR page/path/ [page/path/ ...]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const [siteDir, ...paths] = process.argv.slice(2);
const out = {};
for (const path of paths) {
  const html = readFileSync(join(siteDir, path, "index.html"), "utf8");
  // No scripts run and no resources load: like a crawler that does not execute JavaScript.
  const dom = new JSDOM(html, { url: `https://example.test/${path}`, virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document).parse();
  out[path] = article ? article.textContent : "";
}
process.stdout.write(JSON.stringify(out));
