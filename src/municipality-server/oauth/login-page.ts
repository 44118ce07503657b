/** The sign-in page: pick a synthetic citizen. It stands in for MitID, and says so. */
import { PERSONAS } from '../data/catalog';
import { LEA_ID, METTE_ID } from '../data/personas/family';
import { MUNICIPALITY } from '../data/municipality';

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const STYLE = `
body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
.demo{border:2px solid #b35c00;background:#fff4e5;padding:.75rem 1rem;border-radius:.5rem}
form{margin:0}button{display:block;width:100%;text-align:left;padding:.75rem 1rem;margin:.5rem 0;border:1px solid #888;
border-radius:.5rem;background:#fff;font:inherit;cursor:pointer}button:hover,button:focus{background:#eef4ff;outline:2px solid #1f4fbf}
.who{font-weight:600}.what{color:#444;font-size:.9rem}`;

export interface LoginChoice {
  readonly value: string;
  readonly label: string;
  readonly description: string;
}

/** The fixed choices on the page: each citizen for themselves, and a parent for each child in custody. */
export const LOGIN_CHOICES: LoginChoice[] = [
  ...PERSONAS.filter((p) => p.selfSignIn).map((p) => ({ value: p.id, label: p.label, description: p.description })),
  {
    value: `${METTE_ID}>${LEA_ID}`,
    label: 'Mette Kjær Olsen på vegne af Lea (5 måneder)',
    description: 'Forældremyndighed: se barnets sundhedspleje, vuggestue og aftaler',
  },
];

/** The page; `more` are the choices that change while the server runs (powers of attorney in force). */
export function loginPage(params: Record<string, string>, testMode: boolean, more: readonly LoginChoice[] = []): string {
  const hidden = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('');
  const buttons = [...LOGIN_CHOICES, ...more]
    .map(
      (c) =>
        `<button type="submit" name="login" value="${escape(c.value)}"><span class="who">${escape(c.label)}</span><br><span class="what">${escape(c.description)}</span></button>`,
    )
    .join('');
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Log ind – ${MUNICIPALITY.name} (demo)</title><style>${STYLE}</style></head><body>
<h1>Log ind hos ${MUNICIPALITY.name}</h1>
<p class="demo"><strong>Demo – ikke MitID.</strong> Denne side træder i stedet for MitID på en referenceserver. Alle personer og data er
opdigtede, og ${MUNICIPALITY.name} findes ikke.${testMode ? ' Serveren kører i testtilstand.' : ''}</p>
<p>Vælg den person, du vil logge ind som:</p>
<form method="post" action="/oauth/authorize">${hidden}${buttons}</form>
</body></html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Fejl ved login</title><style>${STYLE}</style></head><body>
<h1>Login kan ikke gennemføres</h1><p>${escape(message)}</p></body></html>`;
}
