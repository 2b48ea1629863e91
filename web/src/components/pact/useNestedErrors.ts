import { useState } from 'react';
import { fieldErrors } from '../../api';
import { sentence } from '../../labels';
import { fieldMessage } from './goal-draft';

/**
 * Field messages for one nested object of a request (a goal inside `changes[0]`, a draft's
 * `goals[2]`): `message('target')` finds the server's message under any of the prefixes, and
 * `touch('target')` hides it while the person fixes the field (until the next answer).
 */
export function useNestedErrors(error: unknown, prefixes: readonly string[]) {
  const [cleared, setCleared] = useState<{ error: unknown; subs: ReadonlySet<string> }>({ error: null, subs: new Set() });
  const subs = cleared.error === error ? cleared.subs : new Set<string>();
  const fields = fieldErrors(error);
  const placed = Object.keys(fields).some((k) => prefixes.some((p) => k === p || k.startsWith(`${p}.`) || k.startsWith(`${p}[`)));
  return {
    /** Whether the answer named any field under the prefixes (else the form shows one message). */
    placed,
    message: (sub: string) => (subs.has(sub) ? undefined : sentence(fieldMessage(fields, prefixes, sub))),
    touch: (sub: string) => {
      if (subs.has(sub)) return;
      setCleared((prev) => ({ error, subs: new Set([...(prev.error === error ? prev.subs : []), sub]) }));
    },
  };
}

export type NestedErrors = ReturnType<typeof useNestedErrors>;
