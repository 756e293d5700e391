// Web storage can be missing or throw (privacy modes, sandboxed frames, quota): every access is guarded.

import { matchesName } from './match.js';

export const safeRun = (fn, fallback) => {
  try {
    return fn();
  } catch {
    return fallback;
  }
};

export const readJson = (key, fallback) => safeRun(() => JSON.parse(localStorage.getItem(key)) || fallback, fallback);

export const writeJson = (key, value) => safeRun(() => localStorage.setItem(key, JSON.stringify(value)));

/** Removes the localStorage and sessionStorage keys that match any of `patterns`. */
export const clearStorageKeys = (patterns) =>
  ['localStorage', 'sessionStorage'].forEach((area) =>
    safeRun(() => {
      const storage = window[area];
      for (let i = storage.length - 1; i >= 0; i--) {
        const key = storage.key(i);
        if (patterns.some((pattern) => matchesName(pattern, key))) storage.removeItem(key);
      }
    })
  );
