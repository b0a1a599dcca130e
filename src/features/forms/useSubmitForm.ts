import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isRejection, serverFieldErrors } from './submitErrors';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * What both forms do: check here first, then send; show the fields' errors (ours, or the
 * server's rejection), a failure that keeps what was typed, and keep keyboard focus in place.
 */
export function useSubmitForm<Field extends string, Request>(options: {
  fields: readonly Field[];
  /** The request, or what is wrong with the fields. */
  check: () => { data: Request | null; errors: FieldErrors<Field> };
  send: (request: Request) => Promise<unknown>;
  onSent: () => void;
  focus: (field: Field) => void;
  /** The field that shows a rejection naming none of ours (else `unplacedRejection`). */
  rejectionField?: Field;
}) {
  const { fields, rejectionField } = options;
  const submitRef = useRef<HTMLButtonElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field>>({});

  const serverErrors = (error: unknown): FieldErrors<Field> => {
    if (!isRejection(error)) return {};
    const named = serverFieldErrors(error);
    const errors: FieldErrors<Field> = {};
    for (const field of fields) if (named[field]) errors[field] = named[field];
    if (rejectionField && Object.keys(errors).length === 0) errors[rejectionField] = error.message;
    return errors;
  };
  const focusFirstInvalid = (errors: FieldErrors<Field>) => {
    const first = fields.find((field) => errors[field]);
    if (first) options.focus(first);
  };

  const mutation = useMutation({
    mutationFn: options.send,
    onSuccess: options.onSent,
    onError: (error) => focusFirstInvalid(serverErrors(error)),
  });

  // A focused submit button disabled while sending drops focus to <body>: put it back after.
  const wasPending = useRef(false);
  useEffect(() => {
    if (mutation.isPending) wasPending.current = true;
    else if (wasPending.current) {
      wasPending.current = false;
      if (document.activeElement === null || document.activeElement === document.body) submitRef.current?.focus();
    }
  }, [mutation.isPending]);

  const rejected = isRejection(mutation.error) ? mutation.error : null;
  const fromServer = serverErrors(rejected);

  const submit = () => {
    if (mutation.isPending) return;
    const { data, errors } = options.check();
    if (!data) {
      mutation.reset();
      setClientErrors(errors);
      focusFirstInvalid(errors);
      return;
    }
    setClientErrors({});
    mutation.mutate(data);
  };

  const errors = { ...fromServer, ...clientErrors } as FieldErrors<Field>;
  const edited = (field: Field) => {
    setClientErrors(({ [field]: _removed, ...rest }) => rest as FieldErrors<Field>);
    if (rejected || mutation.isSuccess) mutation.reset();
  };

  return {
    mutation,
    submitRef,
    submit,
    errors,
    /** A rejection that names no field we show still needs saying. */
    unplacedRejection: rejected && Object.keys(fromServer).length === 0 ? rejected.message : null,
    failed: mutation.isError && !rejected,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      submit();
    },
    edited,
    /** A field's value, change handler, read-only state and error, as its input takes them. */
    field: (field: Field, value: string, setValue: (value: string) => void) => ({
      value,
      onChange: (next: string) => {
        setValue(next);
        edited(field);
      },
      readOnly: mutation.isPending,
      error: errors[field],
    }),
  };
}
