/**
 * A number field written and read the interface language's way, in place of <input type="number">
 * (Chromium shows and reads that by the browser's locale: a French screen showed "0.5", and a typed
 * "2,5" read as nothing). A text input with the numeric keyboard on touch devices and the
 * spinbutton role, ArrowUp / ArrowDown stepping within min / max as type=number did.
 *
 * While the field has focus the text stays as typed ("2," on the way to "2,5"), and each text that
 * reads as a number (a comma or a point, src/i18n/typedNumber.ts) goes to `onValue` at once, as
 * type=number's change events did. A text that is not a number leaves the value as it is and marks
 * the field invalid (aria-invalid, the `invalid` class). On blur, and whenever `value` changes from
 * elsewhere (the store, a saved view, a slider), the field shows `value` formatted for the language.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldNumber } from '../i18n/numbers';
import { readTypedNumber, stepNumber } from '../i18n/typedNumber';
import './panels.css';

interface DecimalInputProps<E extends number | null | undefined> {
  value: number | null;
  /** Each number the text reads as (after `accept`), when it differs from `value`; `empty` for empty text. */
  onValue: (v: number | Exclude<E, undefined>) => void;
  /** What empty text gives: a number, or null (no value); left out, empty text is not a number. */
  empty?: E;
  /** Whether this field takes a number (false: shown invalid, not sent). */
  accept?: (v: number) => boolean;
  /** The caller's own reason to show the field invalid (the export's size rules). */
  invalid?: boolean;
  /** Bounds and step of ArrowUp / ArrowDown (type=number's default step: 1); a typed value is the caller's to clamp. */
  min?: number;
  max?: number;
  step?: number;
  /** 'numeric' for whole numbers (pixels). */
  inputMode?: 'decimal' | 'numeric';
  className?: string;
  placeholder?: string;
  'aria-label': string;
  'data-testid'?: string;
}

export function DecimalInput<E extends number | null | undefined = undefined>(props: DecimalInputProps<E>) {
  const { value, onValue, empty, accept, invalid = false, min, max, step = 1, inputMode = 'decimal', className, ...attrs } = props;
  const { i18n } = useTranslation();
  const language = i18n.language;
  // The text as typed while editing; null: the field shows `value` formatted.
  const [draft, setDraft] = useState<string | null>(null);
  const [lastValue, setLastValue] = useState(value);

  const read = (text: string): number | Exclude<E, undefined> | undefined => {
    const n = readTypedNumber(text);
    if (n === null) return empty as Exclude<E, undefined> | undefined;
    return n !== undefined && (!accept || accept(n)) ? n : undefined;
  };
  // A new value from elsewhere replaces the text, unless the text reads as it (the value just sent).
  if (!Object.is(value, lastValue)) {
    setLastValue(value);
    if (draft !== null && read(draft) !== value) setDraft(null);
  }
  const send = (v: number | Exclude<E, undefined> | undefined) => {
    if (v !== undefined && v !== value) onValue(v);
  };
  const current = draft === null ? value : read(draft);
  const bad = current === undefined || invalid;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const next = stepNumber(current === undefined ? value : current, e.key === 'ArrowUp' ? 1 : -1, step, min, max);
    if (accept && !accept(next)) return;
    setDraft(fieldNumber(next, language));
    send(next);
  };

  return (
    <input
      {...attrs}
      type="text" inputMode={inputMode} role="spinbutton" autoComplete="off"
      aria-valuenow={value ?? undefined} aria-valuetext={fieldNumber(value, language) || undefined} aria-valuemin={min} aria-valuemax={max} aria-invalid={bad}
      className={[className, bad && 'invalid'].filter(Boolean).join(' ')}
      value={draft ?? fieldNumber(value, language)}
      onChange={(e) => {
        setDraft(e.target.value);
        send(read(e.target.value));
      }}
      onKeyDown={onKeyDown}
      onBlur={() => setDraft(null)}
    />
  );
}
