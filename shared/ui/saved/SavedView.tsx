import { useContext } from 'preact/hooks';
import { DeviceDataContext } from '../app/device-data';
import type { Knowledge } from '../app/knowledge';
import { PageHeading } from '../app/PageHeading';
import { KIND_LABELS, productLabel } from '../article/labels';
import { wasFixed } from '../article/fix-marks';
import { articleHref } from '../router/routes';

export function SavedView({ knowledge }: { knowledge: Knowledge }) {
  const { saved, toggleSaved, marks } = useContext(DeviceDataContext);
  const articles = saved.map((id) => knowledge.headers.get(id)).filter((a) => a !== undefined);
  const gone = saved.length - articles.length;
  return (
    <section class="sf-page">
      <PageHeading>Saved articles</PageHeading>
      <p class="sf-lead">Kept on this device, and available offline like the rest of the guide.</p>
      {articles.length === 0 ? (
        <p class="sf-empty">
          Nothing saved yet. Open an article and choose <strong>Save for later</strong>.
        </p>
      ) : (
        <ul class="sf-saved-list">
          {articles.map((a) => (
            <li key={a.id} class="sf-saved-item">
              <a href={articleHref(a.id)}>
                <span class="sf-result-title">{a.title}</span>
                <span class="sf-result-meta">
                  <span class={`sf-badge sf-badge-${a.product}`}>{productLabel(a.product)}</span>
                  <span>{KIND_LABELS[a.kind]}</span>
                  {wasFixed(marks, a.id) && <span class="sf-badge sf-badge-fixed">Fixed it before</span>}
                </span>
              </a>
              <button type="button" class="sf-button sf-button-quiet" onClick={() => toggleSaved(a.id)}>
                Remove<span class="sf-visually-hidden"> {a.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {gone > 0 && (
        <p class="sf-note">
          {gone === 1 ? 'One saved article is' : `${gone} saved articles are`} no longer in this version of the guide.
        </p>
      )}
    </section>
  );
}
