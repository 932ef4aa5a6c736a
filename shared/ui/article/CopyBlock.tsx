import { useEffect, useState } from 'preact/hooks';

const LANG_LABELS: Record<string, string> = {
  powershell: 'PowerShell',
  xml: 'XML / web.config',
  tcl: 'iRule (Tcl)',
};

/**
 * A command or setting to copy verbatim, with a button that says when it worked, and the
 * product versions it is for (`applies` labels) beside its language.
 */
export function CopyBlock({ code, lang, applies = [] }: { code: string; lang?: string; applies?: readonly string[] }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    setState((await copyText(code)) ? 'copied' : 'failed');
  };
  return (
    <div class="sf-copy">
      <div class="sf-copy-head">
        <span class="sf-copy-label">
          <span>{(lang && LANG_LABELS[lang]) ?? 'Command'}</span>
          {applies.length > 0 && (
            <span class="sf-applies">
              <span class="sf-visually-hidden">, for </span>
              {applies.join(' · ')}
            </span>
          )}
        </span>
        <button type="button" class="sf-copy-button" onClick={copy}>
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
        </button>
      </div>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </div>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API needs a secure context and focus; the old path works in more places.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
