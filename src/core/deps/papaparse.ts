/// <reference path="./papaparse-min.d.ts" />
/**
 * papaparse, from its own minified build (`papaparse.min.js`, the file its package.json gives
 * browsers, so bundlers took it already). Node imports the CommonJS main, `papaparse.js` (52 kB),
 * by scanning it for its exports and compiling it: ~30 ms of CPU against ~15 ms for the 19 kB
 * minified file, in every import of the converter (issue 12: import time). Same version, same code.
 */
import Papa from 'papaparse/papaparse.min.js';

export default Papa;
