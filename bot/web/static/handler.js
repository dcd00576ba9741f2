/*
 * Signpost call-handler console. Sends metadata {"mode": "handler"}; the assistant answers
 * with a guided script ("Ask: ...", "Say: ..."), buttons for the caller's answers, the
 * services and safeguarding route, and case notes to copy into the case record.
 * Nothing is stored in the browser: closing the page or ending the call clears it.
 */
(function () {
  'use strict';

  var Core = window.SignpostCore;
  var el = Core.el;
  var client = new Core.Client({ mode: 'handler' });
  var RENDER = { tel: false, links: true, numberClass: 'handler-number' };
  var SCRIPT_LABELS = /(^|\s)(Ask|Say|Tell them|Do|Then|Concern|If yes|If not|Professional route):\s/g;

  var startButton = document.getElementById('handler-start');
  var endButton = document.getElementById('handler-end');
  var intro = document.getElementById('handler-intro');
  var banner = document.getElementById('handler-banner');
  var bannerContent = document.getElementById('handler-banner-content');
  var log = document.getElementById('handler-log');
  var form = document.getElementById('handler-form');
  var formGroup = document.getElementById('handler-form-group');
  var input = document.getElementById('handler-input');
  var inputError = document.getElementById('handler-input-error');
  var services = document.getElementById('handler-services');
  var route = document.getElementById('handler-route');
  var notes = document.getElementById('handler-notes');
  var notesEmpty = document.getElementById('handler-notes-empty');
  var copyButton = document.getElementById('handler-copy');
  var copied = document.getElementById('handler-copied');
  var logoutForm = document.getElementById('logout-form');
  var announce = new Core.Announcer(document.getElementById('handler-announcer'));

  var inCall = false;
  var busy = false;
  var latestNotes = '';
  var notesCopied = true;
  var autoFocusChoices = false;
  var generation = 0;

  // --- calls ------------------------------------------------------------------------------

  startButton.addEventListener('click', function () {
    if (inCall) return;
    inCall = true;
    startButton.hidden = true;
    endButton.hidden = false;
    form.hidden = false;
    intro.hidden = true;
    hideBanner();
    autoFocusChoices = true;
    // A typed greeting (not a /payload) so the assistant reads the handler metadata.
    send('Hello', false, null);
  });

  endButton.addEventListener('click', function () {
    if (latestNotes && !notesCopied &&
        !window.confirm('You have not copied the case notes. End the call and clear them?')) {
      return;
    }
    endCall();
    startButton.focus();
    announce.say('Call ended. The script and case notes have been cleared.');
  });

  function endCall() {
    generation++;
    client.end(false);
    inCall = false;
    busy = false;
    log.textContent = '';
    input.value = '';
    clearError();
    hideBanner();
    setServices([]);
    setRoute([], '');
    setNotes('');
    form.hidden = true;
    endButton.hidden = true;
    startButton.hidden = false;
    intro.hidden = false;
  }

  logoutForm.addEventListener('submit', function () {
    client.end(false);
  });

  window.addEventListener('pagehide', function () {
    if (inCall) client.end(false);
  });

  // --- sending ----------------------------------------------------------------------------

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submitTyped();
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitTyped();
    }
  });

  input.addEventListener('input', function () {
    autoFocusChoices = false;
    if (input.value.trim()) clearError();
  });

  log.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.handler-choice') : null;
    if (!button || busy) return;
    autoFocusChoices = true;
    send(button.getAttribute('data-payload'), button.textContent, button);
  });

  function submitTyped() {
    autoFocusChoices = false;
    var text = input.value.trim();
    if (!text) {
      showError('Type what the caller says, or choose one of the answers.');
      input.focus();
      return;
    }
    send(text, null, null);
  }

  var fieldError = new Core.FieldError({
    group: formGroup, input: input, message: inputError, errorClass: 'govuk-textarea--error',
    describedBy: 'handler-input-hint', errorId: 'handler-input-error', announce: announce
  });

  function showError(text) { fieldError.show(text); }

  function clearError() { fieldError.clear(); }

  function showBanner(title, nodes) {
    document.getElementById('handler-banner-title').textContent = title;
    bannerContent.textContent = '';
    nodes.forEach(function (node) { bannerContent.appendChild(node); });
    banner.hidden = false;
  }

  function hideBanner() {
    banner.hidden = true;
    bannerContent.textContent = '';
  }

  function send(message, shownText, fromButton) {
    if (busy) return;
    busy = true;
    clearError();
    var gen = generation;
    var callerTurn = shownText === false ? null : addCallerTurn(shownText || message, !!fromButton);
    var pending = el('li', 'handler-msg handler-msg--pending', 'Getting the next step…');
    log.appendChild(pending);
    client.send(message).then(function (result) {
      if (gen !== generation) return;
      busy = false;
      pending.remove();
      if (result.ok) {
        hideBanner();
        if (!fromButton) input.value = '';
        var before = document.activeElement;
        var focusWasOurs = !before || before === document.body || before === fromButton || before.hidden;
        removeChoices();
        var turn = addScriptTurn(result.messages);
        announce.say(Core.announceText(result.messages.filter(function (m) {
          return !(typeof m.text === 'string' && /^Case notes:/.test(m.text));
        })) || 'No reply.');
        focusAfterReply(turn, fromButton, focusWasOurs);
        reveal(turn);
        return;
      }
      if (callerTurn) callerTurn.remove();
      if (result.kind === 'unauthorised') {
        var p = el('p', 'govuk-notification-banner__heading', result.error || 'Please log in again.');
        var a = el('a', 'govuk-notification-banner__link', 'Log in to the call handler console');
        a.href = '/handler/login';
        var p2 = el('p', 'govuk-body');
        p2.appendChild(a);
        showBanner('Your session has ended', [p, p2]);
        banner.setAttribute('tabindex', '-1');
        banner.focus();
        return;
      }
      if (result.kind === 'unavailable' || result.kind === 'unreachable') {
        showBanner('The assistant is not available', [
          el('p', 'govuk-notification-banner__heading', 'Carry on the call with your usual procedure.'),
          Core.renderText('If anyone is in immediate danger, call 999.\n' +
            'Samaritans: 116 123, free, any time. NHS: 111 for urgent help.\n' +
            'Your last entry was not sent; you can try again in a moment.', RENDER)
        ]);
        announce.say('The assistant is not available. Carry on the call with your usual procedure. If anyone is in immediate danger, call 999.');
        return;
      }
      showError(result.error || 'That could not be sent. Try again.');
      if (!fromButton) input.focus();
    });
  }

  function focusAfterReply(turn, fromButton, focusWasOurs) {
    var choice = turn.querySelector('button.handler-choice');
    var active = document.activeElement;
    var lost = !active || active === document.body || !document.contains(active) || active.hidden;
    if (!focusWasOurs && !lost) return; // they moved on while waiting: leave focus alone
    if (autoFocusChoices && choice) {
      choice.focus();
    } else if (lost) {
      input.focus();
    }
  }

  function reveal(node) {
    var rect = node.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) node.scrollIntoView({ block: 'nearest' });
  }

  function removeChoices() {
    Array.prototype.forEach.call(log.querySelectorAll('.handler-choices'), function (node) { node.remove(); });
  }

  // --- rendering --------------------------------------------------------------------------

  function addCallerTurn(text, chosen) {
    var li = el('li', 'handler-msg handler-msg--caller');
    li.appendChild(el('p', 'handler-who', chosen ? 'You chose' : 'Caller'));
    li.appendChild(el('p', 'govuk-body handler-caller-text', text));
    log.appendChild(li);
    return li;
  }

  /** "Concern: x. Say: "..." Ask: "..."" as one labelled line per instruction. */
  function renderScript(text) {
    SCRIPT_LABELS.lastIndex = 0;
    var hasLabels = SCRIPT_LABELS.test(text);
    SCRIPT_LABELS.lastIndex = 0;
    if (!hasLabels) return Core.renderText(text, RENDER);
    var fragment = document.createDocumentFragment();
    function addLine(label, value) {
      if (!value) return;
      var p = el('p', 'govuk-body handler-line');
      if (label) {
        p.classList.add('handler-line--' + label.toLowerCase().replace(/[^a-z]+/g, '-'));
        p.appendChild(el('strong', 'handler-label', label + ':'));
        p.appendChild(document.createTextNode(' '));
      }
      Core.appendLinkified(p, value, RENDER);
      fragment.appendChild(p);
    }
    text.split('\n').forEach(function (line) {
      var found = [];
      var m;
      SCRIPT_LABELS.lastIndex = 0;
      while ((m = SCRIPT_LABELS.exec(line)) !== null) {
        var start = m.index + m[1].length;
        found.push({ label: m[2], start: start, end: start + m[2].length + 1 });
      }
      if (!found.length) {
        addLine(null, line.trim());
        return;
      }
      addLine(null, line.slice(0, found[0].start).trim());
      found.forEach(function (f, i) {
        addLine(f.label, line.slice(f.end, i + 1 < found.length ? found[i + 1].start : line.length).trim());
      });
    });
    return fragment;
  }

  function addScriptTurn(messages) {
    var li = el('li', 'handler-msg handler-msg--script');
    var buttons = [];
    var cards = [];
    var routeCards = [];
    var routeText = '';
    var inReportingRoute = false;
    messages.forEach(function (message) {
      if (!message) return;
      var custom = message.custom;
      if (custom && typeof custom.case_notes === 'string') {
        setNotes(custom.case_notes);
      }
      if (typeof message.text === 'string' && message.text) {
        var text = message.text;
        if (/^Case notes:/.test(text)) {
          if (!latestNotes) setNotes(text.replace(/^Case notes:\n?/, ''));
        } else {
          var card = Core.parseServiceCard(text);
          var block = el('div', 'handler-block');
          if (card) {
            block.classList.add('handler-block--card');
            block.appendChild(Core.renderServiceCard(card, Object.assign({ headingTag: 'h3' }, RENDER)));
            (inReportingRoute ? routeCards : cards).push(card);
          } else {
            inReportingRoute = /^Reporting route/.test(text);
            if (/^Professional route:/.test(text)) {
              routeText = text.replace(/^Professional route:\s*/, '');
              routeText = routeText.charAt(0).toUpperCase() + routeText.slice(1);
              block.classList.add('handler-block--route');
            }
            if (/^(EMERGENCY|RISK TO LIFE)/.test(text)) block.classList.add('handler-block--urgent');
            block.appendChild(renderScript(text));
          }
          li.appendChild(block);
        }
      }
      buttons = buttons.concat(Core.buttonsOf(message));
    });
    if (cards.length || routeCards.length) setServices(cards);
    if (routeText || routeCards.length) setRoute(routeCards, routeText);
    if (buttons.length) {
      li.appendChild(Core.choiceGroup(buttons, {
        groupClass: 'handler-choices', buttonClass: 'handler-choice', label: 'Caller\'s answer'}));
    }
    log.appendChild(li);
    return li;
  }

  function cardSummary(card) {
    var item = el('li', 'handler-service');
    item.appendChild(el('strong', 'handler-service__name', card.name));
    card.lines.forEach(function (line) {
      var wanted = line.label === 'Phone' || line.label === 'When' || line.label === 'Text' ||
        line.label === 'Website' && !card.lines.some(function (l) { return l.label === 'Phone'; });
      if (!wanted) return;
      var p = el('span', 'handler-service__line');
      p.appendChild(document.createTextNode(line.label + ': '));
      Core.appendLinkified(p, line.value, RENDER);
      item.appendChild(p);
    });
    return item;
  }

  function setServices(cards) {
    services.textContent = '';
    if (!cards.length) {
      services.appendChild(el('p', 'govuk-body-s handler-empty', 'None yet.'));
      return;
    }
    var list = el('ul', 'govuk-list handler-services');
    cards.forEach(function (card) { list.appendChild(cardSummary(card)); });
    services.appendChild(list);
  }

  function setRoute(routeCards, text) {
    route.textContent = '';
    if (!routeCards.length && !text) {
      route.appendChild(el('p', 'govuk-body-s handler-empty', 'None yet.'));
      return;
    }
    if (text) {
      var p = el('p', 'govuk-body-s');
      Core.appendLinkified(p, text, RENDER);
      route.appendChild(p);
    }
    if (routeCards.length) {
      route.appendChild(el('p', 'govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1', 'To report the concern:'));
      var list = el('ul', 'govuk-list handler-services');
      routeCards.forEach(function (card) { list.appendChild(cardSummary(card)); });
      route.appendChild(list);
    }
  }

  function setNotes(text) {
    latestNotes = text;
    notesCopied = !text;
    notes.textContent = text;
    notes.hidden = !text;
    notesEmpty.hidden = !!text;
    copyButton.hidden = !text;
    copied.textContent = '';
  }

  // --- copying case notes ----------------------------------------------------------------

  copyButton.addEventListener('click', function () {
    if (!latestNotes) return;
    var text = latestNotes;
    var done = function () {
      notesCopied = true;
      copied.textContent = 'Case notes copied. Paste them into your case record.';
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  });

  function fallbackCopy(text, done) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.style.position = 'fixed';
    area.style.top = '-1000px';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    area.remove();
    copyButton.focus();
    if (ok) {
      done();
      return;
    }
    // Last resort: select the notes so Ctrl+C (or Cmd+C) copies them.
    var range = document.createRange();
    range.selectNodeContents(notes);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    copied.textContent = 'Could not copy automatically. The notes are selected: press Ctrl and C to copy them.';
  }
})();
