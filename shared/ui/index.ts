/** The contract of shared/ui: see README.md. Keep these names and props stable. */
export { App } from './app/App';
export type { AppProps } from './app/App';
export { SearchPanel } from './search/SearchPanel';
export type { SearchPanelProps } from './search/SearchPanel';
export { CorruptValueError, localStorageStore, memoryStore } from './storage/key-value-store';
export type { KeyValueStore } from './storage/key-value-store';
export { applyStoredTheme } from './theme/theme';
