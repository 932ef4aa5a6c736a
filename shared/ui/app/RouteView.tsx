import { ArticleView } from '../article/ArticleView';
import { DiagnosisView, FlowList } from '../diagnosis/DiagnosisView';
import { ExplainView } from '../explain/ExplainView';
import type { Route } from '../router/routes';
import type { Navigate } from '../router/use-route';
import { SavedView } from '../saved/SavedView';
import { HomeView } from '../search/HomeView';
import type { KnowledgeState } from './use-knowledge';
import { PageHeading } from './PageHeading';

export function RouteView({
  route,
  navigate,
  knowledge,
}: {
  route: Route;
  navigate: Navigate;
  knowledge: KnowledgeState;
}) {
  const ready = knowledge.state === 'ready' ? knowledge.knowledge : undefined;
  // These views need no knowledge, so they paint before the bundle arrives.
  if (route.view === 'home') {
    return <HomeView knowledge={ready} query={route.query} products={route.products} navigate={navigate} />;
  }
  if (route.view === 'diagnose' && !route.flow) return <FlowList />;
  if (route.view === 'not-found') return <NotFound />;
  if (knowledge.state === 'failed') return <LoadFailed />;
  if (!ready) return <Loading />;
  switch (route.view) {
    case 'article': {
      // A merged article's old id (a bookmark, a saved item, an old link) opens its successor.
      const id = ready.resolve(route.id);
      return <ArticleView key={id} knowledge={ready} id={id} mergedFrom={id === route.id ? undefined : route.id} />;
    }
    case 'diagnose':
      return <DiagnosisView knowledge={ready} flow={route.flow} step={route.step} />;
    case 'explain':
      return <ExplainView knowledge={ready} />;
    case 'saved':
      return <SavedView knowledge={ready} />;
  }
}

function Loading() {
  return (
    <p class="sf-loading" role="status">
      Loading the guide…
    </p>
  );
}

function LoadFailed() {
  return (
    <section class="sf-page">
      <PageHeading>The guide could not be loaded</PageHeading>
      <p>Part of the app is missing, usually because a newer version was half installed. Reloading fixes it.</p>
      <p>
        <button type="button" class="sf-button" onClick={() => location.reload()}>
          Reload
        </button>
      </p>
    </section>
  );
}

function NotFound() {
  return (
    <section class="sf-page">
      <PageHeading>Nothing at this address</PageHeading>
      <p>The link may come from an older version of the guide.</p>
      <p>
        <a class="sf-button" href="#/">
          Search the guide
        </a>
      </p>
    </section>
  );
}
