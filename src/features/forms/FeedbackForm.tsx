import { useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { feedbackRequestSchema, sendFeedback } from './api/feedback';
import { EmailField } from './EmailField';
import { failureClass, failureReason, fieldClass, fieldErrorClass, labelClass, successClass } from './submitErrors';
import { useSubmitForm, type FieldErrors as Errors } from './useSubmitForm';

type Field = 'message' | 'email';
type FieldErrors = Errors<Field>;

const MAX_LENGTH = 2000;
const FIELDS: readonly Field[] = ['message', 'email'];

function validate(input: { message: string; email: string; page: string }) {
  const request = {
    message: input.message.trim(),
    email: input.email.trim() === '' ? null : input.email.trim(),
    page: input.page,
  };
  const parsed = feedbackRequestSchema.safeParse(request);
  if (parsed.success) return { data: parsed.data, errors: {} as FieldErrors };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'message' && !errors.message) {
      errors.message =
        request.message === ''
          ? 'Write your feedback'
          : issue.code === 'too_big'
            ? `Please keep it under ${MAX_LENGTH.toLocaleString('en-GB')} characters`
            : issue.message;
    }
    if (field === 'email' && !errors.email) errors.email = 'Enter an email address like name@example.com';
  }
  return { data: null, errors };
}

/** "Give feedback": a disclosure with a short form about the current page. */
export function FeedbackForm({ labelledBy }: { labelledBy?: string }) {
  const id = useId();
  const formId = `${id}-form`;
  const messageId = `${id}-message`;
  const emailId = `${id}-email`;
  const errorId = (field: Field) => `${id}-${field}-error`;
  const { pathname } = useLocation();
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [email, setEmail] = useState('');
  const { mutation, submitRef, submit, errors, unplacedRejection, failed, onSubmit, edited, field } = useSubmitForm({
    fields: FIELDS,
    check: () => validate({ message, email, page: pathname }),
    send: sendFeedback,
    onSent: () => setMessage(''),
    focus: (field) => (field === 'message' ? messageRef : emailRef).current?.focus(),
  });

  const fieldProps = (field: Field) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? errorId(field) : undefined,
  });

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={errorId(field)} role="alert" className={fieldErrorClass}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((value) => !value)}
        className="btn-secondary"
      >
        Give feedback
      </button>
      <form id={formId} hidden={!open} noValidate aria-labelledby={labelledBy} onSubmit={onSubmit} className="mt-3">
        <label htmlFor={messageId} className={labelClass}>
          Your feedback
        </label>
        <textarea
          ref={messageRef}
          id={messageId}
          name="message"
          required
          rows={4}
          maxLength={MAX_LENGTH}
          value={message}
          readOnly={mutation.isPending}
          onChange={(event) => {
            setMessage(event.target.value);
            edited('message');
          }}
          {...fieldProps('message')}
          className={`mt-1 ${fieldClass}`}
        />
        {fieldError('message')}

        <label htmlFor={emailId} className={`mt-3 ${labelClass}`}>
          Email (optional)
        </label>
        <EmailField inputRef={emailRef} id={emailId} {...field('email', email, setEmail)} className="mt-1" />

        <button ref={submitRef} type="submit" disabled={mutation.isPending} className="btn-primary mt-3">
          {mutation.isPending ? 'Sending…' : 'Send feedback'}
        </button>
        <p role="status" className={`mt-2 ${successClass}`}>
          {mutation.isSuccess ? 'Thank you! Your feedback has been sent.' : ''}
        </p>
        {unplacedRejection && (
          <p role="alert" className={failureClass}>
            We could not send your feedback: {unplacedRejection}
          </p>
        )}
        {failed && (
          <div role="alert" className={failureClass}>
            <p>
              We could not send your feedback: {failureReason(mutation.error)}. Your text is still here — try again.
            </p>
            <button type="button" onClick={submit} className="btn-primary mt-2">
              Try again
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
