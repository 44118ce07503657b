/**
 * The one reader of `application/x-www-form-urlencoded` bodies (the sign-in form, the token
 * request). Strict, as OAuth asks (RFC 6749 §3.1): that media type only, UTF-8 only, and no
 * parameter twice — a repeated one is refused rather than guessed at.
 */
import type { Context } from 'hono';

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;\s*charset="?utf-8"?\s*)?$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The form's fields, or null when the body is not a well-formed UTF-8 form. */
export async function formFields(c: Context): Promise<Record<string, string> | null> {
  if (!FORM_TYPE.test(c.req.header('Content-Type') ?? '')) return null;
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    return null;
  }
  return uniqueFields(new URLSearchParams(text));
}

/** The query's parameters, or null when one is repeated. */
export function queryFields(c: Context): Record<string, string> | null {
  return uniqueFields(new URL(c.req.url).searchParams);
}

function uniqueFields(params: URLSearchParams): Record<string, string> | null {
  const fields = new Map<string, string>();
  for (const [name, value] of params) {
    if (fields.has(name)) return null;
    fields.set(name, value);
  }
  return Object.fromEntries(fields);
}
