// The site's banner colours as CSS custom properties, shared by the banner and the cookie declaration.

const HEX = /^#[0-9a-f]{3,8}$/i;
const DEFAULT_COLORS = { background: '#ffffff', text: '#1b1b1b', accent: '#1d4ed8', accentText: '#ffffff' };

/**
 * `--x:#hex;` for each colour, named by `variables` ({background, text, accent, accentText} → property name).
 * Only hex values are taken: site config goes into a stylesheet, where anything else could end the rule.
 */
export const colorVariables = (colors, variables) => {
  let text = '';
  for (const name in variables) text += variables[name] + ':' + (HEX.test(colors[name]) ? colors[name] : DEFAULT_COLORS[name]) + ';';
  return text;
};
