/**
 * Bundles the browser test host (office-host.ts: the `Office` and `Excel` globals over the in-memory
 * workbook of test/excel/fakes) into one script, office-host.js, that the browser test serves in
 * place of Microsoft's office.js.
 */
const path = require("node:path");

const ROOT = path.resolve(__dirname, "../..");

/** The webpack configuration that writes office-host.js into `outDir`. */
function hostConfig(outDir) {
  return {
    mode: "development",
    devtool: false,
    context: ROOT,
    target: "web",
    entry: { "office-host": path.join(__dirname, "office-host.ts") },
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
  };
}

/** Every source the host bundle is made of, for the build cache's key. */
const HOST_INPUTS = ["src/playbook", "src/excel", "test/excel/fakes", "test/browser/office-host.ts", "test/browser/sample-plans.ts", "test/browser/webpack.host.js"];

module.exports = { hostConfig, HOST_INPUTS };
