import type { Boot } from './api.js';

/** What a view is given: the page's boot data, its element, the route's query, and a way to move. */
export interface ViewContext {
  readonly boot: Boot;
  readonly el: HTMLElement;
  readonly params: URLSearchParams;
  navigate(hash: string): void;
}

/** A shown view: its title, its keys (true when it used the key), and what to stop when left. */
export interface View {
  readonly title: string;
  onKey?(e: KeyboardEvent): boolean;
  dispose?(): void;
}
