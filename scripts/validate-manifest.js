#!/usr/bin/env node
/**
 * Offline check of the add-in manifest against Microsoft's XML schemas (../shared/office-manifest-xsd),
 * with xmllint compiled to WebAssembly (no system package, no network).
 *
 *   node scripts/validate-manifest.js [manifest.xml ...]     (npm run validate:offline)
 *
 * Checks manifest.xml, and also its production form (URLs replaced as the production build does).
 * The online check, with the store's extra rules, is `npm run validate`.
 */
const fs = require("node:fs");
const path = require("node:path");
const { validateXML } = require("xmllint-wasm");
const { productionUrl, toProductionManifest } = require("./addin-urls");

const ROOT = path.resolve(__dirname, "..");
/** The schemas live beside the repository (shared/ next to a fresh clone); XSD_DIR overrides. */
const XSD_DIR = process.env.OFFICE_MANIFEST_XSD_DIR || path.resolve(ROOT, "../shared/office-manifest-xsd");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

function loadSchemas(dir = XSD_DIR) {
  if (!fs.existsSync(path.join(dir, MAIN_SCHEMA))) {
    throw new Error(`The manifest schemas are not at ${dir} (expected ${MAIN_SCHEMA}); set OFFICE_MANIFEST_XSD_DIR.`);
  }
  const others = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA)
    .map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(dir, fileName), "utf8") }));
  return { main: { fileName: MAIN_SCHEMA, contents: fs.readFileSync(path.join(dir, MAIN_SCHEMA), "utf8") }, others };
}

/**
 * Validates manifest XML text against the schemas. Resolves to { valid, errors: ["line N: message"] }.
 * The schemas import each other by file name, so all of them are preloaded beside the main one.
 */
async function validateManifest(xml, fileName = "manifest.xml", schemas = loadSchemas()) {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [schemas.main],
    preload: schemas.others,
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message)),
  };
}

async function main(files) {
  const schemas = loadSchemas();
  const targets = files.length ? files : ["manifest.xml"];
  let failed = false;
  for (const file of targets) {
    const xml = fs.readFileSync(path.resolve(file), "utf8");
    const forms = [[file, xml]];
    if (xml.includes("https://localhost:")) forms.push([`${file} (production URLs)`, toProductionManifest(xml, productionUrl())]);
    for (const [name, text] of forms) {
      const { valid, errors } = await validateManifest(text, path.basename(file), schemas);
      if (valid) console.log(`✓ ${name} is valid against ${MAIN_SCHEMA}`);
      else {
        failed = true;
        console.error(`✗ ${name} does not match the schema:\n${errors.map((e) => `  ${e}`).join("\n")}`);
      }
    }
  }
  process.exitCode = failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`Could not check the manifest: ${error.message}`);
    process.exitCode = 2;
  });
}

module.exports = { validateManifest, loadSchemas, XSD_DIR };
