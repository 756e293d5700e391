// Entry of the script-tag build: installs window.akkoord once, even if the tag appears twice.

import * as akkoord from './index.js';
import { init } from './core/init.js';

const script = document.currentScript;
if (!window.akkoord && script) {
  window.akkoord = akkoord;
  init(script);
}
