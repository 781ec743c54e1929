// Loads each rendered HTML page in headless Chromium, runs axe-core (WCAG 2.2 A/AA and
// best practices) in light and dark mode at phone and desktop widths, and fails on any
// violation. It also fails if a page asks for anything but file: and data: URLs.
//
// usage: (cd crates/briefing-html/scripts && npm ci) && node axe-check.mjs PAGE.html...
// CHROMIUM may name the browser binary (default /usr/bin/chromium).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node axe-check.mjs PAGE.html...");
  process.exit(2);
}

const views = [
  { width: 390, scheme: "light" },
  { width: 390, scheme: "dark" },
  { width: 1280, scheme: "light" },
  { width: 1280, scheme: "dark" },
];

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

let failures = 0;
try {
  for (const file of files) {
    const url = pathToFileURL(resolve(file)).href;
    for (const view of views) {
      const page = await browser.newPage();
      const foreign = [];
      await page.setRequestInterception(true);
      page.on("request", (req) => {
        const u = req.url();
        if (u.startsWith("file:") || u.startsWith("data:")) {
          req.continue();
        } else {
          foreign.push(u);
          req.abort();
        }
      });
      await page.setViewport({ width: view.width, height: 900 });
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: view.scheme }]);
      await page.goto(url, { waitUntil: "load" });
      await page.evaluate(axeSource);
      const result = await page.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          resultTypes: ["violations"],
        }),
      );
      const label = `${file} @${view.width}px ${view.scheme}`;
      for (const v of result.violations) {
        failures += 1;
        console.log(`FAIL ${label}: ${v.id} (${v.impact}): ${v.help}`);
        for (const node of v.nodes.slice(0, 3)) {
          console.log(`       ${node.target.join(" ")}: ${node.failureSummary.replace(/\s+/g, " ").slice(0, 200)}`);
        }
      }
      for (const u of foreign) {
        failures += 1;
        console.log(`FAIL ${label}: requested ${u}`);
      }
      if (result.violations.length === 0 && foreign.length === 0) {
        console.log(`ok   ${label}: ${result.passes?.length ?? 0 ? "" : ""}no violations`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
