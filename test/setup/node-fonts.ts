// Tests call the core's writers directly, without the Node entry that installs the font loader.
import '../../src/node/pdf-fonts.js';
