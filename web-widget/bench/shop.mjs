// The benchmark's shop page and its statistics, shared by paint.mjs and profile.mjs.

const content = `
<main id="main">
<h1>Spring collection</h1>
<p>Linen shirts, wool coats and leather boots, made to last and repaired for free.</p>
${'<p>Every item is made in small batches by workshops we visit ourselves. We publish what each one costs us to make.</p>\n'.repeat(12)}
</main>`;

/** The shop page with `head` first in its <head> (the banner's tag, or nothing for the bare page). */
export const shopPage = (head) => `<!doctype html><html lang="en"><head>${head}<meta charset="utf-8"><title>Shop</title></head><body>${content}</body></html>`;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
