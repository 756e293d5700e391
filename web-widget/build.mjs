// Builds dist/akkoord.js: one minified script with its CSS inlined, and fails over the size budget.
//   node build.mjs

import { build, transform } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 8192;
const OUT = new URL('./dist/akkoord.js', import.meta.url);

/** Imports a .css file as a minified string. */
const inlineCss = {
  name: 'inline-css',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: 'export default ' + JSON.stringify(code.trim()), loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [new URL('./src/browser.js', import.meta.url).pathname],
  bundle: true,
  format: 'iife',
  target: ['chrome90', 'firefox90', 'safari15'],
  minify: true,
  mangleProps: /^_/,
  legalComments: 'none',
  plugins: [inlineCss],
  write: false,
});

const code = result.outputFiles[0].contents;
const gzipped = gzipSync(code, { level: 9 }).length;
mkdirSync(new URL('./dist/', import.meta.url), { recursive: true });
writeFileSync(OUT, code);
console.log(`dist/akkoord.js: ${code.length} bytes, ${gzipped} bytes gzip (budget ${BUDGET_GZIP_BYTES})`);
if (gzipped > BUDGET_GZIP_BYTES) {
  console.error(`akkoord.js is over its size budget by ${gzipped - BUDGET_GZIP_BYTES} bytes gzip`);
  process.exit(1);
}

// The cookie declaration (src/declaration.js): a separate script the banner loads only on pages that have a
// <div data-akkoord-declaration>, so it stays outside the banner's budget.
const declaration = await build({
  entryPoints: [new URL('./src/declaration.js', import.meta.url).pathname],
  bundle: true,
  format: 'iife',
  target: ['chrome90', 'firefox90', 'safari15'],
  minify: true,
  legalComments: 'none',
  write: false,
});
writeFileSync(new URL('./dist/akkoord-declaration.js', import.meta.url), declaration.outputFiles[0].contents);
console.log(`dist/akkoord-declaration.js: ${declaration.outputFiles[0].contents.length} bytes`);
