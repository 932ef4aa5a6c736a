import { versionLabel } from '../../kb/labels';
import type { FixStep } from '../../kb/types';
import { CopyBlock } from './CopyBlock';
import { compiledHtml } from './compiled-html';

/** Numbered fix or procedure steps. Step HTML is our own compiled Markdown, sanitised at build time. */
export function StepList({ steps }: { steps: readonly FixStep[] }) {
  return (
    <ol class="sf-steps">
      {steps.map((step, i) => {
        const applies = (step.applies ?? []).map((v) => versionLabel(v) ?? v);
        return (
          <li key={i}>
            <div class="sf-step-text">{compiledHtml(step.html)}</div>
            {step.warning && (
              <p class="sf-warning">
                <strong>Caution:</strong> {step.warning}
              </p>
            )}
            {step.command ? (
              <CopyBlock code={step.command} lang={step.lang} applies={applies} />
            ) : (
              applies.length > 0 && (
                <p class="sf-applies sf-applies-step">
                  <span class="sf-visually-hidden">For </span>
                  {applies.join(' · ')}
                </p>
              )
            )}
          </li>
        );
      })}
    </ol>
  );
}
