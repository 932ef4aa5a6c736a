import type { ComponentChildren } from 'preact';
import type { KnowledgeCore } from '../../kb/split';
import type { Route } from '../router/routes';
import type { StorageProblem } from '../storage/use-stored';
import type { ThemeChoice } from '../theme/theme';
import { ThemeToggle } from '../theme/ThemeToggle';

const NAV: { view: Route['view']; href: string; label: string; icon: string }[] = [
  {
    view: 'home',
    href: '#/',
    label: 'Search',
    icon: 'M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z',
  },
  {
    view: 'diagnose',
    href: '#/diagnose',
    label: 'Diagnose',
    icon: 'M22 7h-9v2h9zm0 8h-9v2h9zM5.54 11 2 7.46l1.41-1.41 2.12 2.12 4.24-4.24 1.41 1.41zm0 8L2 15.46l1.41-1.41 2.12 2.12 4.24-4.24 1.41 1.41z',
  },
  {
    view: 'explain',
    href: '#/explain',
    label: 'Explain',
    icon: 'M4 3h16a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm1 2v14h14V5zm2 2h10v2H7zm0 4h6v2H7zm0 4h8v2H7z',
  },
  {
    view: 'saved',
    href: '#/saved',
    label: 'Saved',
    icon: 'M6 3h12a1 1 0 0 1 1 1v17l-7-4-7 4V4a1 1 0 0 1 1-1zm1 2v12.6l5-2.9 5 2.9V5z',
  },
];

export function Layout(props: {
  route: Route;
  theme: ThemeChoice;
  onTheme(t: ThemeChoice): void;
  /** The knowledge's version and date, once loaded. */
  kb: Pick<KnowledgeCore, 'version' | 'date'> | undefined;
  status: ComponentChildren;
  problems: StorageProblem[];
  onDismiss(p: StorageProblem): void;
  children: ComponentChildren;
}) {
  const { route, kb } = props;
  return (
    <div class="sf-app">
      <a class="sf-skip" href="#sf-main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="sf-header">
        <a class="sf-brand" href="#/">
          <svg viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" class="sf-brand-bg" />
            <path
              class="sf-brand-fg"
              d="M9 12.5a7 7 0 0 1 12.2-3.2L23 7.5v6h-6l2.1-2.1A4.5 4.5 0 0 0 11.6 13zM23 19.5a7 7 0 0 1-12.2 3.2L9 24.5v-6h6l-2.1 2.1a4.5 4.5 0 0 0 7.5-1.6z"
            />
          </svg>
          <span>SyncFix</span>
        </a>
        <nav class="sf-nav" aria-label="Main">
          {NAV.map((item) => (
            <a
              key={item.view}
              href={item.href}
              class="sf-nav-link"
              aria-current={
                route.view === item.view || (item.view === 'home' && route.view === 'article') ? 'page' : undefined
              }
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d={item.icon} />
              </svg>
              <span>{item.label}</span>
            </a>
          ))}
        </nav>
        <div class="sf-header-tools">
          {props.status}
          <ThemeToggle theme={props.theme} onChange={props.onTheme} />
        </div>
      </header>
      {props.problems.length > 0 && (
        <div class="sf-notices">
          {props.problems.map((p) => (
            <div key={p.kind + p.label} class="sf-notice sf-notice-warning" role="status">
              <p>{problemText(p)}</p>
              <button type="button" class="sf-button sf-button-quiet" onClick={() => props.onDismiss(p)}>
                Dismiss
              </button>
            </div>
          ))}
        </div>
      )}
      <main id="sf-main" class="sf-main" tabIndex={-1}>
        {props.children}
      </main>
      <footer class="sf-footer">
        <p>
          {kb ? (
            <>
              Knowledge base <span class="sf-version">{kb.version.slice(0, 8)}</span>, updated{' '}
              <time dateTime={kb.date}>{formatDate(kb.date)}</time>
            </>
          ) : (
            'Loading the knowledge base…'
          )}
        </p>
        <p>Works offline. Nothing you paste or save leaves this device.</p>
      </footer>
    </div>
  );
}

function problemText(p: StorageProblem): string {
  switch (p.kind) {
    case 'reset':
      return `Your ${p.label} on this device could not be read, so they were reset.`;
    case 'unreadable':
      return `This browser refused to read your ${p.label} just now. Nothing was deleted; until it allows it, SyncFix starts without them.`;
    case 'not-saved':
      return `Your ${p.label} could not be saved on this device (storage is full or turned off).`;
    case 'not-kept':
      return `This browser does not let SyncFix store data, so your ${p.label} last only until this tab is closed.`;
  }
}

function skipToMain(e: Event) {
  // A plain #sf-main link would be read as a route by the hash router.
  e.preventDefault();
  document.getElementById('sf-main')?.focus();
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** "22 November 2026" by hand: the first toLocaleDateString call costs ~15 ms of ICU set-up on a phone. */
function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m && MONTHS[Number(m[2]) - 1];
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
