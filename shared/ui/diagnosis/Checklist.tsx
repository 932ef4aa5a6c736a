import type { ShownArticle } from '../../kb/split';
import { PageHeading } from '../app/PageHeading';
import type { Knowledge } from '../app/knowledge';
import { DetailsPending } from '../app/DetailsPending';
import { useArticles } from '../app/use-articles';
import { CopyBlock } from '../article/CopyBlock';
import { FixQuestion } from '../article/FixQuestion';
import { STAGE_LABELS } from '../article/labels';
import { StepList } from '../article/StepList';
import { articleHref } from '../router/routes';
import { useStored } from '../storage/use-stored';
import { CHECKLIST_LABEL, checklistItems, checklistKey, isTickList, toggleTick } from './checklist-state';
import type { ChecklistItem } from './checklist-state';
import type { ChecklistStep, DiagnosisFlow } from './flow-types';
import { CheckLine } from '../article/CheckLine';
import { compiledHtml } from '../article/compiled-html';

/** The causes to check, in order; ticks are kept on the device so a reload loses nothing. */
export function Checklist({
  flow,
  step,
  knowledge,
}: {
  flow: DiagnosisFlow;
  step: ChecklistStep;
  knowledge: Knowledge;
}) {
  const loaded = useArticles(knowledge, step.articles);
  const articles = loaded.articles.filter((a): a is ShownArticle => a !== undefined);
  const items = checklistItems(articles);
  const links = step.articles.map((id) => knowledge.headers.get(id)).filter((a) => a !== undefined);
  const concept = step.concept ? knowledge.headers.get(step.concept) : undefined;

  return (
    <>
      <PageHeading>{step.title}</PageHeading>
      {(step.stage || concept) && (
        <p class="sf-eyebrow">
          {step.stage && <span class="sf-stage">{STAGE_LABELS[step.stage]}</span>}
          {concept && <a href={articleHref(concept.id)}>{concept.title}</a>}
        </p>
      )}
      <p class="sf-lead">{step.summary}</p>
      {loaded.status === 'ready' ? (
        <ChecklistItems flow={flow} step={step} items={items} />
      ) : (
        <DetailsPending loaded={loaded} what="The causes to check" />
      )}
      <p class="sf-help-links">
        <span>Full {links.length === 1 ? 'article' : 'articles'}:</span>
        {links.map((a) => (
          <a key={a.id} href={articleHref(a.id)}>
            {a.title}
          </a>
        ))}
      </p>
    </>
  );
}

/** The causes to check, in order; ticks are kept on the device so a reload loses nothing. */
function ChecklistItems({ flow, step, items }: { flow: DiagnosisFlow; step: ChecklistStep; items: ChecklistItem[] }) {
  const [ticks, setTicks] = useStored(checklistKey(flow.id, step.id), isTickList, [], CHECKLIST_LABEL);
  const done = items.filter((i) => ticks.includes(i.key)).length;
  const firstOpen = items.find((i) => !ticks.includes(i.key))?.key;
  return (
    <>
      <div class="sf-progress">
        <progress value={done} max={items.length} aria-label="Causes checked" />
        <span>
          {done} of {items.length} checked
        </span>
        {done > 0 && (
          <button type="button" class="sf-link-button" onClick={() => setTicks([])}>
            Start over
          </button>
        )}
      </div>
      <ol class="sf-checklist">
        {items.map((item, n) => (
          <ChecklistRow
            key={item.key}
            item={item}
            n={n + 1}
            checked={ticks.includes(item.key)}
            open={item.key === firstOpen}
            onToggle={() => setTicks((t) => toggleTick(t, item.key))}
          />
        ))}
      </ol>
      {items.length > 0 && done === items.length && (
        <p class="sf-callout">
          <strong>Every cause is checked.</strong> If it still fails, read the full article for the background, or
          search for the exact message the device or log shows now.
        </p>
      )}
    </>
  );
}

interface RowProps {
  item: ChecklistItem;
  n: number;
  checked: boolean;
  open: boolean;
  onToggle(): void;
}

function ChecklistRow({ item, n, checked, open, onToggle }: RowProps) {
  const { article, index } = item;
  const cause = article.causes[index];
  const step = cause ? undefined : article.steps[index];
  const title = cause?.title ?? step?.text ?? '';
  const id = `sf-item-${item.key.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <li class="sf-check-item" data-checked={checked}>
      <div class="sf-check-row">
        <input id={id} type="checkbox" checked={checked} onChange={onToggle} />
        <label for={id}>
          <span class="sf-check-n">{n}.</span> {title}
        </label>
      </div>
      <details open={open}>
        <summary>{cause ? 'How to check and fix' : 'Details'}</summary>
        {cause && <CheckLine cause={cause} />}
        {cause && <StepList steps={cause.fix} />}
        {step && (
          <>
            <div class="sf-step-text">{compiledHtml(step.html)}</div>
            {step.warning && (
              <p class="sf-warning">
                <strong>Caution:</strong> {step.warning}
              </p>
            )}
            {step.command && <CopyBlock code={step.command} lang={step.lang} />}
          </>
        )}
        {cause && <FixQuestion article={article.id} part={String(index)} label={`cause ${n}`} />}
      </details>
    </li>
  );
}
