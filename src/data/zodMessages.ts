/**
 * A schema issue (zod's, or one of schema.ts's own messages) as a catalogue message, so the report
 * writes it in the interface language. zod words its messages in English; they are read back into
 * a key and values, and the key is kept only when its English text is exactly zod's (anything not
 * recognised, e.g. after a zod upgrade rewords a message, keeps its English text and no key).
 */
import { englishText, say, type MessageKey, type Said } from '../domain/message';
import en from '../i18n/locales/en/messages.json';

interface IssueLike {
  message: string;
  keys?: readonly PropertyKey[];
}

/** schema.ts's own messages (refine, min, max, regex), by their English text. */
const OWN = new Map(Object.keys(en.schema.own).map((k) => [englishText(`schema.own.${k}`), `schema.own.${k}` as MessageKey]));

const TYPES = new Set(Object.keys(en.schema.type));
const ORIGINS = new Set(Object.keys(en.schema.origin));
const BOUNDS: Record<string, string> = { '<=': 'atMost', '<': 'below', '>=': 'atLeast', '>': 'above', 'exactly ': 'exactly' };

function candidate(i: IssueLike): Said | undefined {
  const m = i.message;
  const own = OWN.get(m);
  if (own) return say(own);
  let r = /^Invalid input: expected (\S+), received (\S+)$/.exec(m);
  if (r && TYPES.has(r[1]) && TYPES.has(r[2])) return say('schema.invalidType', { expected: r[1], received: r[2] });
  if ((r = /^Invalid option: expected one of (.*)$/s.exec(m))) return say('schema.oneOf', { values: r[1] });
  if ((r = /^Invalid input: expected (.*)$/s.exec(m))) return say('schema.expected', { value: r[1] });
  if ((r = /^Too (big|small): expected (string|array) to have (<=|>=|exactly )(\d+) (characters|items)$/.exec(m))) {
    return say(`schema.${r[1] === 'big' ? 'tooBig' : 'tooSmall'}Size`, { origin: r[2], bound: BOUNDS[r[3]], limit: Number(r[4]) });
  }
  if ((r = /^Too (big|small): expected (\w+) to be (<=|<|>=|>|exactly )(\S+)$/.exec(m)) && ORIGINS.has(r[2])) {
    return say(`schema.${r[1] === 'big' ? 'tooBig' : 'tooSmall'}`, { origin: r[2], bound: BOUNDS[r[3]], limit: r[4] });
  }
  if ((r = /^Unrecognized keys?: (.*)$/s.exec(m))) return say('schema.unrecognized', { keys: r[1], count: i.keys?.length ?? 1 });
  if (m === 'Invalid input') return say('schema.invalid');
  return undefined;
}

/** The issue's message with its catalogue key and values when its English is recognised word for word. */
export function zodSaid(i: IssueLike): { message: string; key?: MessageKey; params?: Said['params'] } {
  const said = candidate(i);
  return said && said.message === i.message ? said : { message: i.message };
}
