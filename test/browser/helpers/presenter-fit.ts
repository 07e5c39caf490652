/**
 * What a projector shows of the page, measured through every shadow root: how tall the page is,
 * which tables scroll sideways or run off the screen, and which visible text is smaller than the
 * room can read. Controls the presenter works (tabs, buttons, inputs) are not text for the room.
 */

/** One piece of text smaller than the minimum, with its size and where it is. */
export interface SmallText {
  text: string;
  px: number;
  where: string;
}

/** The measurements of one screen. */
export interface PresenterFit {
  pageHeight: number;
  viewportHeight: number;
  /** Tables whose scroll box is wider than the box shown, or whose right edge is off the screen. */
  wideTables: string[];
  /** Visible text under the minimum size, at most 10, smallest first. */
  smallText: SmallText[];
}

/** Text inside these is a control, not body text for the room. */
const CONTROLS = 'button, [role="tab"], input, select, option, label, summary, .presenter-toggle';

/** Every element of `root` and of the shadow roots below it. */
function* walkElements(root: Document | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* walkElements(element.shadowRoot);
  }
}

/** The element's tag path through shadow hosts, for a failure message. */
function describePath(element: Element): string {
  const parts: string[] = [];
  let node: Node | null = element;
  while (node && parts.length < 6) {
    if (node instanceof Element) parts.unshift(node.tagName.toLowerCase() + (node.classList.length ? `.${[...node.classList].join('.')}` : ''));
    node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
  }
  return parts.join(' > ');
}

/** Whether `element` sits inside a control, crossing shadow boundaries. */
function isInControl(element: Element): boolean {
  let node: Element | null = element;
  while (node) {
    if (node.matches(CONTROLS)) return true;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return false;
}

/** Measures the page as it is now; `minFontPx` is the smallest body text allowed. */
export function measurePresenterFit(minFontPx = 28): PresenterFit {
  const wideTables: string[] = [];
  const small: SmallText[] = [];
  for (const element of walkElements(document)) {
    if (element.tagName === 'TABLE') {
      const rect = element.getBoundingClientRect();
      let box: Element | null = element.parentElement ?? (element.getRootNode() as ShadowRoot).host;
      while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement ?? ((box.getRootNode() as ShadowRoot).host ?? null);
      const isScrolling = box !== null && box !== document.documentElement && box.scrollWidth > box.clientWidth + 1;
      if (rect.width > 0 && (isScrolling || rect.right > innerWidth + 1)) wideTables.push(`${describePath(element)} (${Math.round(rect.width)} px wide, right edge ${Math.round(rect.right)})`);
    }
    for (const node of element.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      // Visible: a real box on the screen (screen-reader-only text is clipped to 1 px).
      if (rect.width <= 2 || rect.height <= 2 || rect.bottom <= 0 || rect.top >= innerHeight || rect.right <= 0 || rect.left >= innerWidth) continue;
      // checkVisibility also sees through a closed <details> (its content is laid out but not drawn).
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || isInControl(element)) continue;
      const style = getComputedStyle(element);
      // SVG text is drawn at its font size times the drawing's scale: what the room sees.
      const scale = element instanceof SVGGraphicsElement ? Math.abs(element.getScreenCTM()?.a ?? 1) : 1;
      const px = Math.round(parseFloat(style.fontSize) * scale * 10) / 10;
      if (px < minFontPx - 0.01) small.push({ text: node.textContent.trim().slice(0, 60), px, where: describePath(element) });
    }
  }
  small.sort((a, b) => a.px - b.px);
  return { pageHeight: document.documentElement.scrollHeight, viewportHeight: innerHeight, wideTables, smallText: small.slice(0, 10) };
}
