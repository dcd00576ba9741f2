/*
 * Signpost resident chat widget. A council embeds it with one tag:
 *
 *   <script src="https://signpost.example.gov.uk/widget.js" defer
 *           data-council="Anytown Council"
 *           data-exit-url="https://www.bbc.co.uk/weather"
 *           data-colour-primary="#0b4f6c"></script>
 *
 * Data attributes (all optional):
 *   data-server          the Signpost server (default: where widget.js came from)
 *   data-council         council name shown in the widget
 *   data-exit-url        the neutral site quick exit goes to (http/https only)
 *   data-exit-name       how to name that site in the quick exit note (default: its host)
 *   data-target          CSS selector of an element to put the widget in (default: after this tag)
 *   data-heading-level   2 (default) to 4: level of the widget's heading
 *   data-colour-primary, data-colour-on-primary, data-colour-button,
 *   data-colour-button-text, data-colour-focus, data-font-family
 *                        theme: set the widget's CSS custom properties (see widget.css)
 *
 * The conversation lives in this page's memory only. Quick exit ("Exit this page" from
 * GOV.UK Frontend, or Shift three times) ends it on the server, wipes it from the page and
 * replaces the page with the neutral site, so Back does not return here.
 */
(function () {
  'use strict';

  // currentScript is null if a tag manager injects the tag: then find it by its src.
  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  if (!script || window.SignpostWidgetLoaded) return;
  window.SignpostWidgetLoaded = true;

  var DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';
  var scriptOrigin = new URL(script.src, document.baseURI).origin;
  var config = readConfig(script);

  var state = { exiting: false, client: null, wipe: null };

  function readConfig(tag) {
    var d = tag.dataset;
    var server = safeHttpUrl(d.server) || scriptOrigin;
    var exitUrl = safeHttpUrl(d.exitUrl) || DEFAULT_EXIT_URL;
    var exitName = d.exitName || (exitUrl === DEFAULT_EXIT_URL ? 'BBC Weather' : new URL(exitUrl).hostname);
    var level = parseInt(d.headingLevel || '2', 10);
    return {
      server: server.replace(/\/+$/, ''),
      council: (d.council || 'your council').slice(0, 80),
      exitUrl: exitUrl,
      exitName: exitName.slice(0, 60),
      target: d.target || '',
      headingLevel: level >= 2 && level <= 4 ? level : 2,
      theme: {
        '--signpost-primary': d.colourPrimary,
        '--signpost-on-primary': d.colourOnPrimary,
        '--signpost-button': d.colourButton,
        '--signpost-button-text': d.colourButtonText,
        '--signpost-focus': d.colourFocus,
        '--signpost-font-family': d.fontFamily
      }
    };
  }

  function safeHttpUrl(value) {
    if (!value) return '';
    try {
      var url = new URL(value, document.baseURI);
      return /^https?:$/.test(url.protocol) ? url.href : '';
    } catch (e) {
      return '';
    }
  }

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  function loadStylesheet(href, marker) {
    var present = Array.prototype.some.call(document.querySelectorAll('link[rel="stylesheet"]'), function (link) {
      return link.href.indexOf(marker) !== -1;
    });
    if (present) return;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }

  function loadScript(src, isLoaded) {
    return new Promise(function (resolve, reject) {
      if (isLoaded()) { resolve(); return; }
      var tag = document.createElement('script');
      tag.src = src;
      tag.async = false;
      tag.onload = function () { resolve(); };
      tag.onerror = function () { reject(new Error('Could not load ' + src)); };
      document.head.appendChild(tag);
    });
  }

  loadStylesheet(config.server + '/assets/govuk/govuk-frontend.min.css', 'govuk-frontend');
  loadStylesheet(config.server + '/widget.css', 'widget.css');

  ready(function () {
    document.body.classList.add('govuk-frontend-supported', 'js-enabled');
    var exitRoot = buildExit();
    keepInPageLinksOutOfHistory();
    var root = buildRoot();
    var deps = [
      loadScript(config.server + '/static/signpost-core.js', function () { return !!window.SignpostCore; }),
      loadScript(config.server + '/assets/govuk/components/exit-this-page/exit-this-page.bundle.js', function () {
        return !!(window.GOVUKFrontend && window.GOVUKFrontend.ExitThisPage);
      })
    ];
    deps[1].then(function () { initExitComponent(exitRoot); }, function () { /* our own click handler still works */ });
    deps[0].then(function () { buildChat(root); }, function () {
      root.querySelector('.signpost__loading').textContent =
        'Signpost could not load. If you are in danger, call 999. Samaritans: 116 123. NHS: 111.';
    });
  });

  // --- Quick exit ----------------------------------------------------------------------

  function buildExit() {
    // A skip link first in the tab order, as the GOV.UK Design System recommends.
    var skip = document.createElement('a');
    skip.href = config.exitUrl;
    skip.className = 'govuk-skip-link govuk-js-exit-this-page-skiplink signpost-exit-skiplink';
    skip.rel = 'nofollow noreferrer';
    skip.textContent = 'Exit this page';

    var wrapper = document.createElement('div');
    wrapper.className = 'govuk-exit-this-page signpost-exit';
    wrapper.id = 'signpost-exit-this-page';
    var button = document.createElement('a');
    button.href = config.exitUrl;
    button.className = 'govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button';
    button.setAttribute('role', 'button');
    button.setAttribute('draggable', 'false');
    button.rel = 'nofollow noreferrer';
    var hidden = document.createElement('span');
    hidden.className = 'govuk-visually-hidden';
    hidden.textContent = 'Emergency';
    button.appendChild(hidden);
    button.appendChild(document.createTextNode(' Exit this page'));
    wrapper.appendChild(button);

    document.body.insertBefore(wrapper, document.body.firstChild);
    document.body.insertBefore(skip, document.body.firstChild);

    // Works even before (or without) GOV.UK Frontend's script: never a normal navigation.
    [skip, button].forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        quickExit();
      });
    });
    return wrapper;
  }

  // Same-page links ("Skip to main content") normally add a history entry, and Back from
  // the neutral site would then land on this page again. Move focus without one instead.
  function keepInPageLinksOutOfHistory() {
    document.addEventListener('click', function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link || link.getAttribute('href').length < 2) return;
      var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!target) return;
      event.preventDefault();
      if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
        target.setAttribute('tabindex', '-1');
        target.addEventListener('blur', function () { target.removeAttribute('tabindex'); }, { once: true });
      }
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
    });
  }

  function initExitComponent(wrapper) {
    var Base = window.GOVUKFrontend.ExitThisPage;
    // GOV.UK Frontend's component (indicator, Shift x3, announcements), but leaving with
    // location.replace so the Back button cannot return to this page.
    class SignpostExitThisPage extends Base {
      exitPage() {
        quickExit();
      }
    }
    try {
      new SignpostExitThisPage(wrapper);
    } catch (e) {
      // The button and skip link still work through our own click handlers.
    }
  }

  function quickExit() {
    if (state.exiting) return;
    state.exiting = true;
    if (state.client) state.client.end(true);
    if (state.wipe) state.wipe();
    document.body.classList.add('govuk-exit-this-page-hide-content');
    var overlay = document.createElement('div');
    overlay.className = 'govuk-exit-this-page-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.textContent = 'Loading.';
    document.body.appendChild(overlay);
    window.location.replace(config.exitUrl);
  }

  // --- The chat --------------------------------------------------------------------------

  function buildRoot() {
    var root = document.createElement('section');
    root.className = 'signpost';
    root.id = 'signpost';
    root.setAttribute('aria-labelledby', 'signpost-title');
    Object.keys(config.theme).forEach(function (name) {
      var value = config.theme[name];
      if (!value) return;
      var ok = name === '--signpost-font-family' ? CSS.supports('font-family', value) : CSS.supports('color', value);
      if (ok) root.style.setProperty(name, value);
    });
    var loading = document.createElement('p');
    loading.className = 'govuk-body signpost__loading';
    loading.textContent = 'Loading Signpost…';
    root.appendChild(loading);

    var target = config.target ? document.querySelector(config.target) : null;
    if (target) target.appendChild(root);
    else script.parentNode.insertBefore(root, script.nextSibling);
    return root;
  }

  var EMERGENCY_TEXT = [
    'If you or someone else is in danger, call 999. If you can\'t speak, call 999 from a mobile, ' +
      'stay on the line and press 55 when asked.',
    'Samaritans are there day and night: call 116 123 free.',
    'For urgent help from the NHS, call 111.'
  ].join('\n');

  function buildChat(root) {
    var Core = window.SignpostCore;
    var el = Core.el;
    var client = new Core.Client({ server: config.server, mode: 'web' });
    state.client = client;
    var busy = false;
    var autoFocusChoices = false;
    var bubbleCount = 0;
    var headingTag = 'h' + config.headingLevel;
    var subHeadingTag = 'h' + Math.min(config.headingLevel + 1, 6);

    root.textContent = '';

    var header = el('div', 'signpost__header');
    var title = el(headingTag, 'signpost__title', 'Talk to Signpost');
    title.id = 'signpost-title';
    header.appendChild(title);
    header.appendChild(el('p', 'signpost__subtitle',
      'An automated helper from ' + config.council + '. It points you to support; it is not a person.'));
    root.appendChild(header);

    var body = el('div', 'signpost__body');
    root.appendChild(body);

    // Said once, honestly: what quick exit does and does not do.
    var exitNote = el('div', 'signpost__exit-note');
    var exitP = el('p', 'govuk-body-s');
    exitP.appendChild(document.createTextNode('To leave quickly, use '));
    exitP.appendChild(el('strong', null, 'Exit this page'));
    exitP.appendChild(document.createTextNode(' or press the Shift key 3 times. It ends this chat and opens ' +
      config.exitName + ' instead. It cannot clear your browser history, and calls you make by tapping a ' +
      'number still show in your phone\'s call log.'));
    exitNote.appendChild(exitP);
    var details = el('details', 'govuk-details signpost__details');
    var summary = el('summary', 'govuk-details__summary');
    summary.appendChild(el('span', 'govuk-details__summary-text', 'How to clear your history'));
    details.appendChild(summary);
    var detailsText = el('div', 'govuk-details__text');
    var steps = el('ul', 'govuk-list govuk-list--bullet');
    [
      'Browser history: open your browser\'s History (Ctrl+H on most computers, or in the menu on a phone) ' +
        'and delete this page. Or use a private or incognito window next time, which keeps no history.',
      'Phone: delete any calls you made from your call log, and any texts you sent.',
      'Tabs: quick exit only changes this tab. Close any other tabs you opened from here.'
    ].forEach(function (text) { steps.appendChild(el('li', null, text)); });
    detailsText.appendChild(steps);
    details.appendChild(detailsText);
    exitNote.appendChild(details);
    body.appendChild(exitNote);

    var log = el('ol', 'signpost__log');
    log.setAttribute('aria-label', 'Conversation');
    body.appendChild(log);

    var announcer = el('div', 'govuk-visually-hidden signpost__announcer');
    announcer.setAttribute('aria-live', 'polite');
    announcer.setAttribute('aria-atomic', 'true');
    body.appendChild(announcer);
    var announce = new Core.Announcer(announcer);

    var form = el('form', 'signpost__form');
    form.setAttribute('novalidate', '');
    form.setAttribute('autocomplete', 'off');
    var group = el('div', 'govuk-form-group signpost__form-group');
    var label = el('label', 'govuk-label govuk-label--s', 'Your message');
    label.setAttribute('for', 'signpost-input');
    var hint = el('div', 'govuk-hint', 'Type in your own words. Press Enter to send, or Shift and Enter for a new line.');
    hint.id = 'signpost-input-hint';
    var error = el('p', 'govuk-error-message');
    error.id = 'signpost-input-error';
    error.hidden = true;
    var input = el('textarea', 'govuk-textarea signpost__input');
    input.id = 'signpost-input';
    input.name = 'message';
    input.rows = 2;
    input.setAttribute('aria-describedby', 'signpost-input-hint');
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('spellcheck', 'true');
    group.appendChild(label);
    group.appendChild(hint);
    group.appendChild(error);
    group.appendChild(input);
    form.appendChild(group);
    var send = el('button', 'govuk-button signpost__send', 'Send');
    send.type = 'submit';
    send.setAttribute('data-module', 'govuk-button');
    form.appendChild(send);
    body.appendChild(form);

    var first = addBotTurn([{
      text: 'Hello. I\'m Signpost, an automated helper from ' + config.council + '. I can point you to ' +
        'support for things like abuse, loneliness, money worries, scams, mental health or feeling unsafe.\n' +
        'Tell me what\'s on your mind, in your own words. If you are in danger right now, call 999.'
    }]);
    first.classList.add('signpost__msg--intro');

    state.wipe = function () {
      Array.prototype.forEach.call(log.querySelectorAll('.signpost__msg:not(.signpost__msg--intro)'), function (node) {
        node.remove();
      });
      input.value = '';
      clearError();
      announce.clear();
    };

    // --- events ---

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      autoFocusChoices = false;
      submitText(input.value, null);
    });

    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        autoFocusChoices = false;
        submitText(input.value, null);
      }
    });

    input.addEventListener('input', function () {
      autoFocusChoices = false;
      if (!error.hidden && input.value.trim()) clearError();
    });

    log.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('button.signpost__choice') : null;
      if (!button || busy) return;
      autoFocusChoices = true;
      submitText(button.getAttribute('data-payload'), button.textContent, button);
    });

    window.addEventListener('pagehide', function () {
      // Leaving the page (not quick exit): end the conversation and leave nothing on screen
      // for the back-forward cache.
      if (state.exiting) return;
      client.end(false);
      state.wipe();
    });

    // --- behaviour ---

    var fieldError = new Core.FieldError({
      group: group, input: input, message: error, errorClass: 'govuk-textarea--error',
      describedBy: 'signpost-input-hint', errorId: 'signpost-input-error', announce: announce
    });

    function showError(text) { fieldError.show(text); }

    function clearError() { fieldError.clear(); }


    function submitText(message, shownText, fromButton) {
      if (busy || state.exiting) return;
      var text = (message || '').trim();
      if (!text) {
        showError('Type a message before you send it.');
        input.focus();
        return;
      }
      clearError();
      busy = true;
      send.setAttribute('aria-disabled', 'true');
      removeAlerts();
      var userTurn = addUserTurn(shownText || text);
      var pending = addPending();
      client.send(text).then(function (result) {
        pending.remove();
        busy = false;
        send.removeAttribute('aria-disabled');
        if (state.exiting) return;
        if (result.ok) {
          if (!fromButton) input.value = '';
          var focusWasOurs = focusIsOurs(fromButton);
          removeChoices();
          var turn = addBotTurn(result.messages);
          announce.say(Core.announceText(result.messages) || 'Signpost did not reply.');
          placeFocusAfterReply(turn, fromButton, focusWasOurs);
          reveal(turn);
          return;
        }
        userTurn.remove();
        if (result.kind === 'unavailable' || result.kind === 'unreachable') {
          var alertTurn = addEmergencyAlert();
          announce.say('Signpost is not available right now. Your message was not sent. ' + EMERGENCY_TEXT);
          if (fromButton && document.activeElement !== fromButton) input.focus();
          reveal(alertTurn);
          return;
        }
        var fallback = {
          invalid: 'Your message could not be sent. Reload the page and try again.',
          too_long: 'That message is too long. Please make it shorter.',
          rate_limited: 'You\'re sending messages very quickly. Please wait a few seconds and try again.',
          unauthorised: 'Your message could not be sent.'
        };
        showError(result.error || fallback[result.kind] || fallback.invalid);
        if (!fromButton) input.focus();
      });
    }

    // Focus is "ours" to move while it is still on the button they pressed (or nowhere).
    function focusIsOurs(fromButton) {
      var active = document.activeElement;
      return !active || active === document.body || (!!fromButton && active === fromButton);
    }

    function placeFocusAfterReply(turn, fromButton, focusWasOurs) {
      var choice = turn.querySelector('button.signpost__choice');
      var active = document.activeElement;
      var focusLost = !active || active === document.body || !document.contains(active);
      if (!focusWasOurs && !focusLost) return; // they moved on while waiting: leave focus alone
      if (fromButton && autoFocusChoices && choice) {
        choice.focus(); // they answered with a button: the next answers are buttons too
      } else if (focusLost) {
        input.focus(); // the button they pressed has gone: the message box is next
      }
      // After typing, focus stays in the message box; the answers are just before it.
    }

    function reveal(node) {
      var rect = node.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > window.innerHeight) {
        var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        node.scrollIntoView({ block: rect.height > window.innerHeight * 0.7 ? 'start' : 'nearest',
          behavior: reduce ? 'auto' : 'smooth' });
      }
    }

    function removeChoices() {
      Array.prototype.forEach.call(log.querySelectorAll('.signpost__choices'), function (node) { node.remove(); });
    }

    function removeAlerts() {
      Array.prototype.forEach.call(log.querySelectorAll('.signpost__msg--alert'), function (node) { node.remove(); });
    }

    function addUserTurn(text) {
      var li = el('li', 'signpost__msg signpost__msg--user');
      li.appendChild(el('p', 'signpost__who', 'You'));
      var bubble = el('div', 'signpost__bubble');
      bubble.appendChild(el('p', 'govuk-body signpost-text signpost__user-text', text));
      li.appendChild(bubble);
      log.appendChild(li);
      return li;
    }

    function addPending() {
      var li = el('li', 'signpost__msg signpost__msg--bot signpost__msg--pending');
      li.appendChild(el('p', 'signpost__who', 'Signpost'));
      var bubble = el('div', 'signpost__bubble');
      var p = el('p', 'govuk-body signpost-text', 'Signpost is writing a reply');
      var dots = el('span', 'signpost__dots');
      dots.setAttribute('aria-hidden', 'true');
      dots.textContent = '...';
      p.appendChild(dots);
      bubble.appendChild(p);
      li.appendChild(bubble);
      log.appendChild(li);
      return li;
    }

    function addBotTurn(messages) {
      var li = el('li', 'signpost__msg signpost__msg--bot');
      li.appendChild(el('p', 'signpost__who', 'Signpost'));
      var lastBubbleId = null;
      var buttons = [];
      messages.forEach(function (message, index) {
        if (message && typeof message.text === 'string' && message.text) {
          var bubble = el('div', 'signpost__bubble');
          bubble.id = 'signpost-msg-' + (++bubbleCount);
          var card = Core.parseServiceCard(message.text);
          if (card) {
            bubble.classList.add('signpost__bubble--card');
            bubble.appendChild(Core.renderServiceCard(card, { headingTag: subHeadingTag }));
          } else {
            bubble.appendChild(Core.renderText(message.text));
          }
          li.appendChild(bubble);
          lastBubbleId = bubble.id;
        }
        buttons = buttons.concat(Core.buttonsOf(message));
      });
      if (buttons.length) {
        li.appendChild(Core.choiceGroup(buttons, {
          groupClass: 'signpost__choices', buttonClass: 'signpost__choice', labelledBy: lastBubbleId}));
      }
      log.appendChild(li);
      return li;
    }

    function addEmergencyAlert() {
      var li = el('li', 'signpost__msg signpost__msg--alert');
      var box = el('div', 'signpost__emergency');
      box.appendChild(el(subHeadingTag, 'govuk-heading-s', 'Signpost is not available right now'));
      box.appendChild(el('p', 'govuk-body signpost-text',
        'Your message was not sent. You can try again in a few minutes. You can still get help now:'));
      box.appendChild(Core.renderText(EMERGENCY_TEXT));
      li.appendChild(box);
      log.appendChild(li);
      return li;
    }
  }
})();
