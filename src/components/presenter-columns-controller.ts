import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { countPresenterColumns, PRESENTER_TWO_COLUMNS_MIN_WIDTH_PX } from '../views/paging';

/**
 * How many columns of groups a presenter page has on this screen (src/views/paging.ts): 2 from
 * PRESENTER_TWO_COLUMNS_MIN_WIDTH_PX wide, else 1. Follows the window (a projector plugged in, the
 * window resized) and asks the host to update when the count changes.
 */
export class PresenterColumnsController implements ReactiveController {
  /** Columns a presenter page has now. */
  columns = 1;
  private _query: MediaQueryList | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this._query = matchMedia(`(min-width: ${PRESENTER_TWO_COLUMNS_MIN_WIDTH_PX}px)`);
    this._query.addEventListener('change', this._onChange);
    this._read();
  }

  hostDisconnected(): void {
    this._query?.removeEventListener('change', this._onChange);
    this._query = null;
  }

  private readonly _onChange = (): void => this._read();

  private _read(): void {
    // innerWidth is the width the media query reads (scroll bar included).
    const columns = countPresenterColumns(innerWidth);
    if (columns === this.columns) return;
    this.columns = columns;
    this.host.requestUpdate();
  }
}
