import { useContext } from 'preact/hooks';
import { DeviceDataContext } from '../app/device-data';

/** "Did this fix it?" for one cause (or a whole procedure), answered on this device only. */
export function FixQuestion({ article, part, label }: { article: string; part: string; label: string }) {
  const { marks, mark } = useContext(DeviceDataContext);
  const answer = marks[article]?.[part];
  return (
    <div class="sf-fixed" role="group" aria-label={`Did this fix it? ${label}`}>
      <span class="sf-fixed-q">Did this fix it?</span>
      <button type="button" class="sf-chip" aria-pressed={answer === 'yes'} onClick={() => mark(article, part, 'yes')}>
        Yes
      </button>
      <button type="button" class="sf-chip" aria-pressed={answer === 'no'} onClick={() => mark(article, part, 'no')}>
        No
      </button>
      {answer && (
        <span class="sf-fixed-note">
          {answer === 'yes' ? 'Marked as the fix on this device.' : 'Noted: not this one.'}
        </span>
      )}
    </div>
  );
}
