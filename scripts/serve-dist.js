#!/usr/bin/env node
/**
 * Serves a built pane (dist/) over plain http on localhost, for looking at it in a browser or
 * driving it from a test. Not for Excel: Excel needs https (npm start).
 *
 *   node scripts/serve-dist.js [dir] [--port N]      (default dist/, port 3001; 0 picks a free one)
 *
 * As a module: const { serveDist } = require("./serve-dist"); const { url, close } = await serveDist(dir).
 */
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function serveDist(dir = path.resolve(__dirname, "../dist"), port = 0) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    return Promise.reject(new Error(`${root} has no taskpane.html: build first (npx webpack --mode production).`));
  }
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const file = path.join(root, urlPath === "/" ? "taskpane.html" : urlPath);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${urlPath}`);
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Access-Control-Allow-Origin": "*",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolve({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf("--port");
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 3001;
  const dir = args.find((a, i) => !a.startsWith("--") && !(portAt >= 0 && i === portAt + 1));
  serveDist(dir, port).then(
    ({ url }) => console.log(`Serving ${path.resolve(dir || "dist")} at ${url}taskpane.html (Ctrl+C stops)`),
    (error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}

module.exports = { serveDist };
