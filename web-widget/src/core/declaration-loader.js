// Loads the cookie declaration script only on pages that have its placeholder.

import { state } from './global.js';

export const loadDeclaration = () => {
  if (!document.querySelector('[data-akkoord-declaration]')) return;
  const script = document.createElement('script');
  script.src = state._origin + '/akkoord-declaration.js';
  script.nonce = state._nonce;
  document.head.append(script);
};
