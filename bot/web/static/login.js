/*
 * Sign-in page: GOV.UK Frontend's components (password reveal, error summary), and the
 * GOV.UK error pattern when the server reports a failed sign-in: "Error:" in the title,
 * an error summary that takes focus, the message linked to the fields.
 */
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported', 'js-enabled');

const message = document.querySelector('#login-group > .govuk-error-message');
if (message) {
  if (!message.id) message.id = 'login-error';
  const text = message.textContent.replace(/^\s*Error:\s*/, '').trim();
  document.title = 'Error: ' + document.title;

  const summary = document.createElement('div');
  summary.className = 'govuk-error-summary';
  summary.setAttribute('data-module', 'govuk-error-summary');
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.className = 'govuk-error-summary__title';
  title.textContent = 'There is a problem';
  const body = document.createElement('div');
  body.className = 'govuk-error-summary__body';
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-error-summary__list';
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = '#username';
  link.textContent = text;
  item.appendChild(link);
  list.appendChild(item);
  body.appendChild(list);
  alert.appendChild(title);
  alert.appendChild(body);
  summary.appendChild(alert);
  document.getElementById('login-error-summary').appendChild(summary);

  for (const id of ['username', 'password']) {
    const input = document.getElementById(id);
    input.classList.add('govuk-input--error');
    input.setAttribute('aria-describedby', message.id);
  }
}

initAll();
