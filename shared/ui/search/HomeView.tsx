import { useContext } from 'preact/hooks';
import type { Product } from '../../kb/types';
import { DeviceDataContext } from '../app/device-data';
import type { Knowledge } from '../app/knowledge';
import { productLabel } from '../article/labels';
import { FLOWS } from '../diagnosis/flows';
import { articleHref, formatRoute } from '../router/routes';
import type { Navigate } from '../router/use-route';
import { SearchPanel } from './SearchPanel';

/** Overviews worth opening when you do not know where to start; missing ones are skipped. */
const START_HERE = [
  'bes-enterprise-activation',
  'eas-troubleshooting-tools',
  'eas-commands-overview',
  'seg-web-listener',
  'notifysync-outbox-statuses',
  'blackberry-device-firewall',
];

export function HomeView(props: {
  knowledge: Knowledge | undefined;
  query: string;
  products: Product[];
  navigate: Navigate;
}) {
  const { knowledge, query, products, navigate } = props;
  return (
    <section class="sf-page sf-home">
      <h1 class="sf-h1 sf-home-title" tabIndex={-1} data-page-heading>
        Find the fix
      </h1>
      {/* While results show, they get the room (a shift caused by typing is not a layout shift). */}
      {!query && (
        <p class="sf-lead sf-home-lead">
          Type what the device, console or log shows, or paste the exact error message. Every BES, BlackBerry,
          ActiveSync, SEG and NotifySync article works offline.
        </p>
      )}
      <SearchPanel
        search={knowledge?.search}
        autoFocus={!query}
        query={query}
        products={products}
        onQueryChange={(q) => navigate({ view: 'home', query: q, products }, { replace: true })}
        onProductsChange={(p) => navigate({ view: 'home', query, products: p }, { replace: true })}
        onOpen={(id) => navigate({ view: 'article', id })}
        leading={<EntryPoints knowledge={knowledge} />}
      />
    </section>
  );
}

function EntryPoints({ knowledge }: { knowledge: Knowledge | undefined }) {
  const { saved } = useContext(DeviceDataContext);
  const overviews = knowledge ? START_HERE.map((id) => knowledge.headers.get(id)).filter((a) => a !== undefined) : [];
  return (
    <>
      <section aria-labelledby="sf-start">
        <h2 id="sf-start" class="sf-section-title">
          Diagnose step by step
        </h2>
        <ul class="sf-cards">
          {FLOWS.map((f) => (
            <li key={f.id}>
              <a class="sf-card" href={formatRoute({ view: 'diagnose', flow: f.id })}>
                <span class={`sf-badge sf-badge-${f.product}`}>{productLabel(f.product)}</span>
                <span class="sf-card-title">{f.title}</span>
              </a>
            </li>
          ))}
          <li>
            <a class="sf-card" href="#/explain">
              <span class="sf-badge">Any product</span>
              <span class="sf-card-title">Explain a log or an error message</span>
            </a>
          </li>
          {saved.length > 0 && (
            <li>
              <a class="sf-card" href="#/saved">
                <span class="sf-badge">On this device</span>
                <span class="sf-card-title">
                  {saved.length} saved {saved.length === 1 ? 'article' : 'articles'}
                </span>
              </a>
            </li>
          )}
        </ul>
      </section>
      {overviews.length > 0 && (
        <section aria-labelledby="sf-overviews">
          <h2 id="sf-overviews" class="sf-section-title">
            Start here
          </h2>
          <ul class="sf-link-list">
            {overviews.map((a) => (
              <li key={a.id}>
                <a href={articleHref(a.id)}>
                  <span>{a.title}</span>
                  <span class="sf-link-meta">{productLabel(a.product)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
