// The console's entry point: sign-in with a pasted token, then the page for the token's role.
// The role is read from the token for display only; every call is authorised by the API.
import { el, errorBox, replace } from './dom.js';
import { claimsOf, roleOf, saveToken, signOut, token } from './session.js';
import { auditorPage } from './pages/auditor.js';
import { institutionPage } from './pages/institution.js';
import { researcherPage } from './pages/researcher.js';
import { stewardPage } from './pages/steward.js';
import { subjectPage } from './pages/subject.js';

const PAGES = {
  auditor: auditorPage, institution: institutionPage, subject: subjectPage,
  researcher: researcherPage, steward: stewardPage,
};

const main = document.getElementById('main');
const who = document.getElementById('who');

function signInPage(error) {
  const input = el('textarea', { id: 'token', rows: 5, cols: 80, spellcheck: 'false', autocomplete: 'off',
    placeholder: 'eyJ…  (dev: ./safehouse token --role auditor --sub alice --org csrc)' });
  const form = el('form', { id: 'sign-in', onSubmit: (event) => {
    event.preventDefault();
    const value = input.value.trim();
    try {
      claimsOf(value);
    } catch (e) {
      signInPage(e);
      return;
    }
    saveToken(value);
    show();
  } },
  el('label', { for: 'token', text: 'Bearer token (JWT)' }), input,
  el('p', { className: 'hint', text: 'The token is kept in this tab\'s session storage only and sent only to this service.' }),
  el('button', { type: 'submit', text: 'Sign in' }));
  replace(who);
  replace(main, el('section', {}, el('h2', { text: 'Sign in' }), error ? errorBox(error) : null, form));
}

function show() {
  const current = token();
  if (!current) return signInPage();
  let claims;
  try {
    claims = claimsOf(current);
  } catch (e) {
    signOut();
    return signInPage(e);
  }
  const role = roleOf(claims);
  const expires = typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  replace(who,
    el('span', { id: 'identity', text: `${claims.sub ?? '?'} · ${role ?? 'no role'}${claims.org ? ` · ${claims.org}` : ''}` }),
    expires ? el('span', { className: 'hint', text: ` (token expires ${expires.toISOString()})` }) : null,
    el('button', { id: 'sign-out', type: 'button', text: 'Sign out', onClick: () => { signOut(); show(); } }));
  const page = PAGES[role];
  if (!page) {
    replace(main, el('section', {}, el('h2', { text: 'No page for this role yet' }),
      el('p', { text: `The console has pages for ${Object.keys(PAGES).join(', ')}; this token's role is ${role ?? 'missing'}.` })));
    return;
  }
  replace(main);
  page(main, claims);
}

show();
