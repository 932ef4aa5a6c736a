import { PageHeading } from '../app/PageHeading';
import type { Knowledge } from '../app/knowledge';
import { STAGE_LABELS, productLabel } from '../article/labels';
import { articleHref, formatRoute } from '../router/routes';
import { Checklist } from './Checklist';
import { pathTo, stepOf } from './flow-graph';
import type { DiagnosisFlow, QuestionStep } from './flow-types';
import { FLOWS, flowById } from './flows';

const stepHref = (flow: string, step?: string) => formatRoute({ view: 'diagnose', flow, step });

export function DiagnosisView({
  knowledge,
  flow: flowId,
  step: stepId,
}: {
  knowledge: Knowledge;
  flow?: string;
  step?: string;
}) {
  if (!flowId) return <FlowList />;
  const flow = flowById(flowId);
  const step = flow && stepOf(flow, stepId);
  if (!flow || !step) {
    return (
      <section class="sf-page">
        <PageHeading>This diagnosis step does not exist</PageHeading>
        <p>It may come from an older version of the guide.</p>
        <p>
          <a class="sf-button" href="#/diagnose">
            Start a diagnosis
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="sf-page sf-diagnosis">
      <Breadcrumbs flow={flow} step={step.id} />
      {step.kind === 'question' ? (
        <Question flow={flow} step={step} knowledge={knowledge} />
      ) : (
        <Checklist flow={flow} step={step} knowledge={knowledge} />
      )}
    </section>
  );
}

export function FlowList() {
  return (
    <section class="sf-page">
      <PageHeading>Guided diagnosis</PageHeading>
      <p class="sf-lead">Answer a few questions to narrow the problem down, then work through the causes in order.</p>
      <ul class="sf-cards">
        {FLOWS.map((f) => (
          <li key={f.id}>
            <a class="sf-card" href={stepHref(f.id)}>
              <span class={`sf-badge sf-badge-${f.product}`}>{productLabel(f.product)}</span>
              <span class="sf-card-title">{f.title}</span>
              <span class="sf-card-text">{f.summary}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Breadcrumbs({ flow, step }: { flow: DiagnosisFlow; step: string }) {
  const crumbs = pathTo(flow, step);
  return (
    <nav class="sf-crumbs" aria-label="Your answers so far">
      <ol>
        <li>
          <a href={stepHref(flow.id)}>{flow.title}</a>
        </li>
        {crumbs.map((c) => (
          <li key={c.step.id}>
            <a href={stepHref(flow.id, c.step.id)}>{c.answer.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Question({ flow, step, knowledge }: { flow: DiagnosisFlow; step: QuestionStep; knowledge: Knowledge }) {
  const help = (step.help ?? []).map((id) => knowledge.headers.get(id)).filter((a) => a !== undefined);
  return (
    <>
      <PageHeading>{step.question}</PageHeading>
      {step.hint && <p class="sf-lead">{step.hint}</p>}
      <ul class="sf-options">
        {step.options.map((o) => (
          <li key={o.next + o.label}>
            <a class="sf-option" href={stepHref(flow.id, o.next)}>
              <span class="sf-option-label">{o.label}</span>
              {o.detail && <span class="sf-option-detail">{o.detail}</span>}
              {o.stage && <span class="sf-stage">{STAGE_LABELS[o.stage]}</span>}
            </a>
          </li>
        ))}
      </ul>
      {help.length > 0 && (
        <p class="sf-help-links">
          <span>Help with this question:</span>
          {help.map((a) => (
            <a key={a.id} href={articleHref(a.id)}>
              {a.title}
            </a>
          ))}
        </p>
      )}
    </>
  );
}
