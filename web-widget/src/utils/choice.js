// What the cookie declaration says about the visitor's choice, from the banner's consent() snapshot. Pure, so the
// unit tests can check it without a page.

/** Title of a category in the site's texts, or its key where the site gave none. */
export const categoryTitle = (texts, key) => (texts.categories[key] || {}).title || key;

/** "Analytical: allowed", one line per category of the site, in its order; the required one is always allowed. */
export const choiceLines = (config, current, words) =>
  config.categories.map((category) => ({
    key: category.key,
    text: categoryTitle(config.texts, category.key) + ': ' + (category.required || current[category.key] ? words.on : words.off),
  }));

/** A withdrawal only means something while an optional category is allowed; after one there is nothing left to take back. */
export const canWithdraw = (current) => !!(current && current.decided && (current.analytical || current.marketing));
