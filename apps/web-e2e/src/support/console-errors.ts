import type { Page } from '@playwright/test';

/** Collects console errors and uncaught page errors; a page that renders with them is still broken. */
export function trackConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // The browser's own log line for an HTTP error status the test provoked on purpose (404/403 pages).
    if (/Failed to load resource: the server responded with a status of (401|403|404)/.test(text)) return;
    errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
