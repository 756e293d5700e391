// Builds dist/akkoord.js: one minified script with its CSS inlined, and fails over the size budget; beside it the
// blocking Consent Mode stub dist/akkoord-defaults.js (its own budget), the cookie declaration and the embed placeholders.
//   node build.mjs

import { build, transform } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const BUDGET_GZIP_BYTES = 8192;
/** The stub is a blocking script in <head>: it must cost the page next to nothing. */
const STUB_BUDGET_GZIP_BYTES = 1024;
/** The declaration (with its styles) loads only on privacy pages, but a visitor there still pays for every byte. */
const DECLARATION_BUDGET_GZIP_BYTES = 4096;
/** The embed placeholders load only on pages with a held iframe, but there before the visitor sees the embed's place. */
const EMBEDS_BUDGET_GZIP_BYTES = 3072;
/** The cross-domain part loads after the banner's config, on sites with several domains only. */
const DOMAINS_BUDGET_GZIP_BYTES = 2048;

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

/** Property names the minifier gave the banner's `_` properties, for the parts that share its state. */
const mangleCache = {};

/** One src/ entry bundled into a minified script for the browsers we support; its code as bytes. */
const bundle = async (entry, options = {}) => {
  const built = await build({
    entryPoints: [new URL('./src/' + entry, import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    target: ['chrome90', 'firefox90', 'safari15'],
    minify: true,
    legalComments: 'none',
    write: false,
    ...options,
  });
  Object.assign(mangleCache, built.mangleCache);
  return built.outputFiles[0].contents;
};

mkdirSync(new URL('./dist/', import.meta.url), { recursive: true });

/** Writes dist/`name`, prints its size and fails the build over `budget` bytes gzip. */
const emit = (name, code, budget) => {
  const gzipped = gzipSync(code, { level: 9 }).length;
  writeFileSync(new URL('./dist/' + name, import.meta.url), code);
  console.log(`dist/${name}: ${code.length} bytes, ${gzipped} bytes gzip (budget ${budget})`);
  if (gzipped > budget) {
    console.error(`${name} is over its size budget by ${gzipped - budget} bytes gzip`);
    process.exit(1);
  }
};

// Two passes: the first finds the names, the second (held to them by the cache) builds the banner with a fingerprint
// of them. The cross-domain part carries the same fingerprint and does nothing for a banner of other names, which a
// browser's cache can pair it with for a while after a release.
const banner = { mangleProps: /^_/, mangleCache, plugins: [inlineCss] };
await bundle('browser.js', { ...banner, define: { AKKOORD_STATE_NAMES: '""' } });
const stateNames = { AKKOORD_STATE_NAMES: JSON.stringify(createHash('sha256').update(JSON.stringify(mangleCache)).digest('hex').slice(0, 12)) };
emit('akkoord.js', await bundle('browser.js', { ...banner, define: stateNames }), BUDGET_GZIP_BYTES);

// The Consent Mode stub (src/defaults.js): the blocking script for pages whose own gtag call needs the defaults first,
// with the banner itself loaded async after it.
emit('akkoord-defaults.js', await bundle('defaults.js', { mangleProps: /^_/ }), STUB_BUDGET_GZIP_BYTES);

// The cookie declaration (src/declaration.js): a separate script the banner loads only on pages that have a
// <div data-akkoord-declaration>, so it stays outside the banner's budget and has its own.
emit('akkoord-declaration.js', await bundle('declaration.js', { plugins: [inlineCss] }), DECLARATION_BUDGET_GZIP_BYTES);

// The embed placeholders (src/embeds.js): loaded by the banner only on pages with an <iframe data-category data-src>.
emit('akkoord-embeds.js', await bundle('embeds.js', { plugins: [inlineCss] }), EMBEDS_BUDGET_GZIP_BYTES);
// The cross-domain part (src/domains.js): loaded by the banner only for sites with several domains. It works on the
// banner's own state, so its `_` properties get the names the banner's build gave them.
emit('akkoord-domains.js', await bundle('domains.js', { mangleProps: /^_/, mangleCache, define: stateNames }), DOMAINS_BUDGET_GZIP_BYTES);
