import type { ThemeChoice } from './theme';
import { nextTheme } from './theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };

const ICONS: Record<ThemeChoice, string> = {
  system: 'M12 3a9 9 0 1 0 0 18V3z M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22zm0 2v18',
  light:
    'M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10zM11 1h2v3h-2zM11 20h2v3h-2zM1 11h3v2H1zM20 11h3v2h-3zM4.2 5.6l1.4-1.4 2.1 2.1-1.4 1.4zM16.3 17.7l1.4-1.4 2.1 2.1-1.4 1.4zM4.2 18.4l2.1-2.1 1.4 1.4-2.1 2.1zM16.3 6.3l2.1-2.1 1.4 1.4-2.1 2.1z',
  dark: 'M20 15.5A8.5 8.5 0 0 1 8.5 4a8.5 8.5 0 1 0 11.5 11.5z',
};

export function ThemeToggle({ theme, onChange }: { theme: ThemeChoice; onChange(next: ThemeChoice): void }) {
  const next = nextTheme(theme);
  return (
    <button
      type="button"
      class="sf-icon-button"
      onClick={() => onChange(next)}
      aria-label={`${LABELS[theme]}. Switch to ${LABELS[next].toLowerCase()}`}
      title={`${LABELS[theme]} (switch to ${LABELS[next].toLowerCase()})`}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" fill-rule="evenodd">
        <path d={ICONS[theme]} />
      </svg>
    </button>
  );
}
