import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../api';
import { sentence } from '../labels';

/**
 * A mutation with form-friendly errors: field messages go under their inputs, anything the
 * form cannot place (412, 409 without fields, network) becomes one message above the buttons.
 */
export function useApiForm<TData, TVars>(options: UseMutationOptions<TData, Error, TVars> & { fieldNames: string[] }) {
  const { fieldNames, ...mutationOptions } = options;
  const [cleared, setCleared] = useState<Set<string>>(new Set());
  const mutation = useMutation<TData, Error, TVars>({
    ...mutationOptions,
    onMutate: (vars, ctx) => {
      setCleared(new Set());
      return mutationOptions.onMutate?.(vars, ctx);
    },
  });
  const error = mutation.error;
  const fields = error instanceof ApiError ? error.fields : {};
  const placed = Object.keys(fields).filter((f) => fieldNames.includes(f));
  const fieldError = (name: string) => (cleared.has(name) ? undefined : sentence(fields[name]));
  const formError = error && placed.length === 0 ? errorMessage(error) : null;
  // Typing into a field clears its message: the person is fixing it.
  const touch = (name: string) => {
    if (fields[name] && !cleared.has(name)) setCleared(new Set([...cleared, name]));
  };
  return { mutation, fieldError, formError, touch, reset: mutation.reset };
}
