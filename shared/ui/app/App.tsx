import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { bundleSource, isKnowledgeSource } from '../../kb/knowledge-source';
import type { KnowledgeSource } from '../../kb/knowledge-source';
import type { KnowledgeBundle } from '../../kb/types';
import { isFixMarks, MARKS_KEY, MARKS_LABEL, setMark } from '../article/fix-marks';
import { savePastedText } from '../explain/pasted-text';
import { sharedText } from '../router/routes';
import { adoptPageUrl, useRoute } from '../router/use-route';
import { isSavedList, migrateSaved, SAVED_KEY, SAVED_LABEL, toggleSaved } from '../saved/saved-articles';
import { localStorageStore } from '../storage/key-value-store';
import type { KeyValueStore } from '../storage/key-value-store';
import { StorageContext, useStored } from '../storage/use-stored';
import type { StorageProblem } from '../storage/use-stored';
import { applyTheme, isThemeChoice, THEME_KEY, THEME_LABEL } from '../theme/theme';
import type { ThemeChoice } from '../theme/theme';
import { DeviceDataContext } from './device-data';
import type { DeviceData } from './device-data';
import { Layout } from './Layout';
import { RouteView } from './RouteView';
import { useKnowledge } from './use-knowledge';
import { useRouteFocus } from './use-route-focus';

export interface AppProps {
  /**
   * The bundle, a promise of it, or a source that loads it in parts: the PWA loads the core
   * lazily so the shell paints first, and article details when an article is opened.
   */
  kb: KnowledgeBundle | Promise<KnowledgeBundle> | KnowledgeSource;
  /** Device storage for saved articles, recents, marks, checklists and theme (default: localStorage). */
  storage?: KeyValueStore;
  /** Host status in the header, next to the theme toggle (the PWA's offline pill and update prompt). */
  status?: ComponentChildren;
}

export function App({ kb, storage, status }: AppProps) {
  const store = useMemo(() => storage ?? localStorageStore(), [storage]);
  const [problems, setProblems] = useState<StorageProblem[]>(() =>
    store.persistent === false ? [{ kind: 'not-kept', label: 'saved articles, marks and checklist ticks' }] : [],
  );
  const report = useCallback(
    (p: StorageProblem) =>
      setProblems((list) => (list.some((x) => x.kind === p.kind && x.label === p.label) ? list : [...list, p])),
    [],
  );
  const device = useMemo(() => ({ store, report }), [store, report]);
  return (
    <StorageContext.Provider value={device}>
      <Guide
        kb={kb}
        status={status}
        problems={problems}
        onDismiss={(p) => setProblems((l) => l.filter((x) => x !== p))}
      />
    </StorageContext.Provider>
  );
}

function Guide(props: {
  kb: AppProps['kb'];
  status: ComponentChildren;
  problems: StorageProblem[];
  onDismiss(p: StorageProblem): void;
}) {
  useState(() => {
    // Once, before the first route is read: a share or `?q=` becomes the hash.
    const shared = sharedText(window.location.search);
    if (shared !== undefined) savePastedText(shared);
    adoptPageUrl();
  });
  const [route, navigate] = useRoute();
  const source = useMemo(() => (isKnowledgeSource(props.kb) ? props.kb : bundleSource(props.kb)), [props.kb]);
  const knowledge = useKnowledge(source);
  const [saved, setSaved] = useStored(SAVED_KEY, isSavedList, [], SAVED_LABEL);
  const [marks, setMarks] = useStored(MARKS_KEY, isFixMarks, {}, MARKS_LABEL);
  const [theme, setTheme] = useStored<ThemeChoice>(THEME_KEY, isThemeChoice, 'system', THEME_LABEL);
  useLayoutEffect(() => applyTheme(theme), [theme]);
  const redirects = knowledge.state === 'ready' ? knowledge.knowledge.redirects : undefined;
  useEffect(() => {
    // An article saved before it was merged stays saved, as the article that absorbed it.
    const moved = redirects && migrateSaved(saved, redirects);
    if (moved) setSaved(moved);
  }, [redirects, saved, setSaved]);
  useRouteFocus(route);

  const data = useMemo<DeviceData>(
    () => ({
      saved,
      toggleSaved: (id) => setSaved((s) => toggleSaved(s, id)),
      marks,
      mark: (article, part, answer) => setMarks((m) => setMark(m, article, part, answer)),
    }),
    [saved, marks, setSaved, setMarks],
  );

  return (
    <DeviceDataContext.Provider value={data}>
      <Layout
        route={route}
        theme={theme}
        onTheme={setTheme}
        kb={knowledge.state === 'ready' ? knowledge.knowledge : undefined}
        status={props.status}
        problems={props.problems}
        onDismiss={props.onDismiss}
      >
        <RouteView route={route} navigate={navigate} knowledge={knowledge} />
      </Layout>
    </DeviceDataContext.Provider>
  );
}
