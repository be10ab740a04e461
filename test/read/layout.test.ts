import { describe, expect, it } from 'vitest';
import { placeEntry } from '../../src/core/read/layout.js';

describe('placeEntry', () => {
  it('reads names that start with a dot inside the export layout (a project ".NET samples", a document ".env")', () => {
    expect(placeEntry('.NET samples-2/REVIEW/.env.json')).toEqual({ type: 'document', projectFolder: '.NET samples-2', cabinet: { role: 'REVIEW', folder: 'REVIEW' }, fileName: '.env.json' });
    expect(placeEntry('.NET samples-2/project-data.json')).toEqual({ type: 'project-data', projectFolder: '.NET samples-2' });
    expect(placeEntry('REVIEW/.hidden doc.txt.json')).toMatchObject({ type: 'document', projectFolder: null, fileName: '.hidden doc.txt.json' });
  });

  it('operating-system files are ignored as such, wherever they are', () => {
    for (const path of ['__MACOSX/P-1/REVIEW/._a.json', 'P-1/REVIEW/.DS_Store', '.DS_Store', 'P-1/REVIEW/._curie.txt.json', 'P-1/Thumbs.db', 'desktop.ini']) {
      expect(placeEntry(path), path).toEqual({ type: 'ignored', reason: 'operating-system file' });
    }
  });

  it('dot names outside the layout (tool folders) are not read, and say why', () => {
    for (const path of ['.git/config', '.vscode/settings.json', 'P-1/.cache.json', '.env.json']) {
      expect(placeEntry(path), path).toEqual({ type: 'ignored', reason: 'hidden file outside the export layout' });
    }
    expect(placeEntry('P-1/other/deeper/x.json')).toEqual({ type: 'ignored', reason: 'not in the export layout' });
  });
});
