/** Labelled form fields with hints and errors tied to the input by aria-describedby. */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | null;
  required?: boolean;
  inputRef?: { current: HTMLInputElement | null };
}

function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame(props: { id: string; label: string; hint?: string | undefined; error?: string | null | undefined; children: JSX.Element }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/**
 * A text field. Never `autocomplete` on: what a citizen types here is personal, and an
 * autocomplete name lets the browser keep the value in its session-restore file and autofill data.
 */
export function TextField(props: FieldProps & { type?: 'text' | 'number'; min?: number; max?: number }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      <input
        id={id}
        ref={props.inputRef ?? null}
        type={props.type ?? 'text'}
        value={props.value}
        min={props.min}
        max={props.max}
        autocomplete="off"
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

/**
 * A secret (passphrase, recovery key): masked, never spell-checked (which can send text to a
 * server) or autocapitalised; "new-password" only where a password manager may offer to save it.
 */
export function SecretField(props: FieldProps & { autocomplete: 'off' | 'new-password'; mono?: boolean }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      <input
        id={id}
        ref={props.inputRef ?? null}
        type="password"
        class={props.mono ? 'mono' : undefined}
        value={props.value}
        autocomplete={props.autocomplete === 'new-password' ? 'new-password' : 'off'}
        spellcheck={false}
        autocapitalize="off"
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      <textarea
        autocomplete="off"
        id={id}
        rows={props.rows ?? 6}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export function SelectField<V extends string>(props: {
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint}>
      <select
        autocomplete="off"
        id={id}
        value={props.value}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value as V)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
