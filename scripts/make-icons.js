#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png) from one SVG, rendered by headless Chromium
 * through playwright-core. Run it again after changing the drawing: node scripts/make-icons.js
 * Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
 */
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const SIZES = [16, 32, 64, 80];
const OUT = path.resolve(__dirname, "../assets");

/**
 * A teal rounded tile with an open book (the playbook) and an amber check mark. Drawn on a 32-unit
 * grid; the 16 px icon drops the page lines, which would blur into grey at that size.
 */
function iconSvg(size) {
  const detailed = size >= 32;
  const lines = detailed
    ? `<path d="M9 13.5h4.5M9 16.5h4.5M18.5 13.5H23" stroke="#0f5b57" stroke-width="1.1" stroke-linecap="round"/>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <rect x="1" y="1" width="30" height="30" rx="6" fill="#0f766e"/>
  <path d="M16 9.5C13.5 8 10 7.6 6.5 8v15c3.5-.4 7 0 9.5 1.5z" fill="#ffffff"/>
  <path d="M16 9.5c2.5-1.5 6-1.9 9.5-1.5v15c-3.5-.4-7 0-9.5 1.5z" fill="#e6f4f1"/>
  ${lines}
  <circle cx="23" cy="22" r="6" fill="#f59e0b" stroke="#0f766e" stroke-width="1.2"/>
  <path d="M20.2 22.1l1.9 1.9 3.6-3.8" fill="none" stroke="#ffffff" stroke-width="${detailed ? 1.6 : 2}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(size)}</body></html>`);
      const file = path.join(OUT, `icon-${size}.png`);
      fs.writeFileSync(file, await page.locator("svg").screenshot({ omitBackground: true }));
      console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`Could not draw the icons: ${error.message}`);
  process.exit(1);
});
