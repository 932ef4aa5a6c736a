import type { ComponentChildren } from 'preact';

/** The view's h1; focusable so a route change can move screen readers and keyboards to it. */
export function PageHeading({ children }: { children: ComponentChildren }) {
  return (
    <h1 class="sf-h1" tabIndex={-1} data-page-heading>
      {children}
    </h1>
  );
}
