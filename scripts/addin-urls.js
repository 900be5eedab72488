/**
 * Where the add-in is served. manifest.xml is written against the development server; a production
 * build swaps DEV_URL for the one production URL, taken from (first found):
 *   1. the ADDIN_PROD_URL environment variable,
 *   2. package.json "config": { "prodUrl": ... }  (npm pkg set config.prodUrl=https://...)
 */
const fs = require("node:fs");
const path = require("node:path");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** The production base URL, normalised to end in "/"; refuses anything but an absolute https URL. */
function productionUrl(env = process.env) {
  const fromEnv = env.ADDIN_PROD_URL && env.ADDIN_PROD_URL.trim();
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../package.json"), "utf8"));
  const raw = fromEnv || (pkg.config && pkg.config.prodUrl);
  const source = fromEnv ? "ADDIN_PROD_URL" : 'package.json "config.prodUrl"';
  if (!raw) {
    throw new Error(`No production URL: set ${source} to the https address that serves dist/ (e.g. https://addin.example.dk/).`);
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`The production URL in ${source} is not a URL: "${raw}".`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`The production URL in ${source} must start with https:// (Office loads add-ins over https only): "${raw}".`);
  }
  if (url.hostname === "localhost") {
    throw new Error(`The production URL in ${source} points at localhost: "${raw}".`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** manifest.xml with every development URL replaced by the production one. */
function toProductionManifest(xml, prodUrl) {
  return xml.split(DEV_URL).join(prodUrl);
}

module.exports = { DEV_URL, DEV_PORT, productionUrl, toProductionManifest };
