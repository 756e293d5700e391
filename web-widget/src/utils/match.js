// Name and host matching. A cookie name with `*` is a pattern where `*` stands for any run of characters.

/** Whether `name` matches the exact name or `*` pattern. */
export const matchesName = (pattern, name) => {
  if (!pattern.includes('*')) return pattern == name;
  const parts = pattern.split('*');
  const last = parts.length - 1;
  if (!name.startsWith(parts[0]) || !name.endsWith(parts[last])) return false;
  let at = parts[0].length;
  const end = name.length - parts[last].length;
  if (at > end) return false;
  for (let i = 1; i < last; i++) {
    const found = name.indexOf(parts[i], at);
    if (found < 0 || found + parts[i].length > end) return false;
    at = found + parts[i].length;
  }
  return true;
};

/** Whether `host` is `pattern` or, for `*.example.com`, the domain itself or any host below it. */
export const matchesHost = (pattern, host) => {
  pattern = pattern.toLowerCase();
  host = host.toLowerCase();
  if (!pattern.startsWith('*.')) return pattern == host;
  const base = pattern.slice(2);
  return host == base || host.endsWith('.' + base);
};

/** The category whose tracker hosts include `host`, or undefined. */
export const categoryOfHost = (trackerHosts, host) => {
  for (const category in trackerHosts) {
    if ((trackerHosts[category] || []).some((pattern) => matchesHost(pattern, host))) return category;
  }
};

/** A 16-bit FNV-1a fold of `text` as 4 hex digits: enough to notice names added to a banner. */
export const shortHash = (text) => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (((hash >>> 16) ^ hash) & 0xffff).toString(16).padStart(4, '0');
};
