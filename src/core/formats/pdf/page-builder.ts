import { cutText, type CutText } from './cut.js';
import type { PageGeometry } from './geometry.js';
import type { DrawItem, LaidOutPage, TextItem } from './items.js';
import type { TextMeasure } from './measure.js';

/**
 * Collects the items of the page being laid out and hands each full page to the layout, which
 * yields them one at a time. Text goes through here so
 * every character no font can draw is reported to `onMissing` exactly where it is placed.
 */
export class PageBuilder {
  page: LaidOutPage | null = null;
  /** Next free y on the current page. */
  y = 0;
  /**
   * Pages started after this many are laid out without their items (boxes, text): the first pass
   * of a long document only needs where lines break and spans land (layout.ts).
   */
  fullPages = Infinity;
  private dry = false;
  private pageCount = 0;

  constructor(
    readonly geo: PageGeometry,
    readonly measure: TextMeasure,
    private readonly onMissing: (ch: string) => void,
    /** Called with each page when it is full (or the last). */
    private readonly onPageDone: (page: LaidOutPage) => void,
    /** A text (a name, a label) is drawn cut: too long to lay out. */
    private readonly onCut: (original: string, cut: CutText) => void = () => {},
  ) {}

  get pagesStarted(): number {
    return this.pageCount;
  }

  newPage(): LaidOutPage {
    this.closePage();
    this.page = { number: ++this.pageCount, items: [] };
    this.dry = this.pageCount > this.fullPages;
    this.y = this.geo.top;
    return this.page;
  }

  closePage(): void {
    if (!this.page) return;
    const page = this.page;
    this.page = null;
    this.onPageDone(page);
  }

  /** Starts a new page unless `height` still fits below the current y. */
  ensureRoom(height: number, onNewPage: () => void): void {
    if (!this.page || (this.y + height > this.geo.bottom && this.y > this.geo.top)) {
      this.newPage();
      onNewPage();
    }
  }

  add(item: DrawItem): void {
    if (!this.dry) this.page!.items.push(item);
  }

  /** A text item at (x, baseline y); returns it so callers can align by its width. */
  text(text: string, x: number, y: number, size: number, color: string, backdrop = false): TextItem {
    if (this.dry) return { kind: 'text', x, y, size, runs: [], color, width: 0 };
    const cut = cutText(text);
    if (cut) this.onCut(text, cut);
    const measured = this.measure.measure(cut ? cut.text : text);
    for (const ch of measured.missing) this.onMissing(ch);
    const item: TextItem = { kind: 'text', x, y, size, runs: measured.runs, color, width: measured.unitWidth * size };
    if (backdrop) item.backdrop = true;
    this.add(item);
    return item;
  }
}
