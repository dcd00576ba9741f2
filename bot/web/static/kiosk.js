/*
 * Signpost library kiosk: touch-first, large type, buttons for every step.
 *
 * - Sends metadata {"mode": "kiosk", "place": <?place= or body data-place>}.
 * - After data-warn-seconds without a touch or key it asks "Are you still there?"; at
 *   data-wipe-seconds it ends the conversation on the server, clears the screen, starts a
 *   new conversation id and shows the start screen again.
 * - "Print these details" prints only the services (names, numbers, hours), never what
 *   the person typed or chose.
 * Phone numbers are shown large, not as links: a library computer cannot dial them.
 */
(function () {
  'use strict';

  var Core = window.SignpostCore;
  var el = Core.el;
  var body = document.body;

  function seconds(value, fallback) {
    var n = parseInt(value, 10);
    return n > 0 ? n : fallback;
  }

  var WARN_MS = seconds(body.getAttribute('data-warn-seconds'), 120) * 1000;
  var WIPE_MS = Math.max(seconds(body.getAttribute('data-wipe-seconds'), 180) * 1000, WARN_MS + 1000);
  var place = (new URLSearchParams(window.location.search).get('place') || body.getAttribute('data-place') || '')
    .trim().slice(0, 80);

  var client = new Core.Client({ mode: 'kiosk', place: place });
  var RENDER = { tel: false, links: false, numberClass: 'kiosk-number', paragraphClass: 'kiosk-text' };

  var startScreen = document.getElementById('kiosk-start');
  var startButton = document.getElementById('kiosk-start-button');
  var startTitle = document.getElementById('kiosk-start-title');
  var chat = document.getElementById('kiosk-chat');
  var log = document.getElementById('kiosk-log');
  var form = document.getElementById('kiosk-form');
  var formGroup = document.getElementById('kiosk-form-group');
  var input = document.getElementById('kiosk-input');
  var inputError = document.getElementById('kiosk-input-error');
  var clearButton = document.getElementById('kiosk-clear');
  var dialog = document.getElementById('kiosk-timeout');
  var countdown = document.getElementById('kiosk-countdown');
  var stillHere = document.getElementById('kiosk-still-here');
  var clearNow = document.getElementById('kiosk-clear-now');
  var printArea = document.getElementById('kiosk-print');
  var announce = new Core.Announcer(document.getElementById('kiosk-announcer'));

  var inConversation = false;
  var busy = false;
  var lastActivity = Date.now();
  var latestSummary = null;
  var autoFocusChoices = false;
  var generation = 0; // replies for a wiped conversation are dropped

  // --- idle timeout ------------------------------------------------------------------------

  function activity() {
    lastActivity = Date.now();
  }
  ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () {
      if (!dialog.open) activity();
    }, { capture: true, passive: true });
  });

  window.setInterval(function () {
    if (!inConversation) return;
    if (busy && !dialog.open) {
      activity(); // they are waiting for us, not walking away: count from the reply
      return;
    }
    var idle = Date.now() - lastActivity;
    if (idle >= WIPE_MS) {
      wipe('The screen was cleared because nobody used it for a while.');
    } else if (idle >= WARN_MS) {
      var left = Math.ceil((WIPE_MS - idle) / 1000);
      countdown.textContent = String(left);
      if (!dialog.open) {
        dialog.showModal();
        stillHere.focus();
      }
    }
  }, 250);

  stillHere.addEventListener('click', function () {
    activity();
    dialog.close();
  });
  clearNow.addEventListener('click', function () {
    wipe('The screen has been cleared.');
  });
  dialog.addEventListener('cancel', function (event) {
    // Escape means "I'm still here" too: they are clearly at the keyboard.
    event.preventDefault();
    activity();
    dialog.close();
  });

  // --- starting, clearing -----------------------------------------------------------------

  startButton.addEventListener('click', function () {
    if (inConversation) return;
    inConversation = true;
    activity();
    startScreen.hidden = true;
    chat.hidden = false;
    clearButton.hidden = false;
    autoFocusChoices = true;
    // A typed greeting (not a /payload) so the assistant reads the kiosk metadata.
    send('Hello', false, null);
  });

  clearButton.addEventListener('click', function () {
    wipe('The screen has been cleared.');
  });

  function wipe(message) {
    generation++;
    client.end(false);
    inConversation = false;
    busy = false;
    latestSummary = null;
    log.textContent = '';
    printArea.textContent = '';
    input.value = '';
    clearError();
    if (dialog.open) dialog.close();
    chat.hidden = true;
    clearButton.hidden = true;
    startScreen.hidden = false;
    window.scrollTo(0, 0);
    startTitle.focus({ preventScroll: true });
    announce.say(message);
  }

  window.addEventListener('pagehide', function () {
    if (inConversation) client.end(false);
  });

  // --- sending ----------------------------------------------------------------------------

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    autoFocusChoices = false;
    var text = input.value.trim();
    if (!text) {
      showError('Type a message, or choose one of the buttons.');
      input.focus();
      return;
    }
    send(text, null, null);
  });

  input.addEventListener('input', function () {
    autoFocusChoices = false;
    if (input.value.trim()) clearError();
  });

  log.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) return;
    var choice = target.closest('button.kiosk-choice');
    if (choice && !busy) {
      autoFocusChoices = true;
      send(choice.getAttribute('data-payload'), choice.getAttribute('data-title'), choice);
      return;
    }
    if (target.closest('button.kiosk-print-button')) {
      printSummary();
    }
  });

  var fieldError = new Core.FieldError({
    group: formGroup, input: input, message: inputError, errorClass: 'govuk-input--error',
    describedBy: '', errorId: 'kiosk-input-error', announce: announce
  });

  function showError(text) { fieldError.show(text); }

  function clearError() { fieldError.clear(); }


  function send(message, shownText, fromButton) {
    if (busy) return;
    busy = true;
    clearError();
    var gen = generation;
    // shownText: what the transcript shows (a button's title); false: show nothing.
    var userTurn = shownText === false ? null : addUserTurn(shownText || message);
    var pending = addPending();
    client.send(message).then(function (result) {
      if (gen !== generation) return; // wiped while waiting
      busy = false;
      pending.remove();
      if (result.ok) {
        if (!fromButton) input.value = '';
        var before = document.activeElement;
        var focusWasOurs = !before || before === document.body || before === fromButton;
        removeChoices();
        var turn = addBotTurn(result.messages);
        announce.say(Core.announceText(result.messages) || 'No reply.');
        focusAfterReply(turn, fromButton, focusWasOurs);
        reveal(turn);
        return;
      }
      if (userTurn) userTurn.remove();
      if (result.kind === 'unavailable' || result.kind === 'unreachable') {
        var alertTurn = addEmergency();
        announce.say(alertTurn.textContent);
        reveal(alertTurn);
        return;
      }
      showError(result.error || 'That did not work. Please try again.');
    });
  }

  function focusAfterReply(turn, fromButton, focusWasOurs) {
    var choice = turn.querySelector('button.kiosk-choice');
    var active = document.activeElement;
    var lost = !active || active === document.body || !document.contains(active);
    if (!focusWasOurs && !lost) return; // they moved on while waiting: leave focus alone
    if (autoFocusChoices && choice) {
      choice.focus({ preventScroll: true });
    } else if (lost) {
      input.focus({ preventScroll: true });
    }
  }

  function reveal(node) {
    node.scrollIntoView({ block: 'start' });
  }

  function removeChoices() {
    Array.prototype.forEach.call(log.querySelectorAll('.kiosk-choices'), function (node) { node.remove(); });
  }

  // --- rendering --------------------------------------------------------------------------

  function addUserTurn(text) {
    var li = el('li', 'kiosk-msg kiosk-msg--user');
    li.appendChild(el('p', 'kiosk-who', 'You'));
    li.appendChild(el('p', 'kiosk-bubble kiosk-text', text));
    log.appendChild(li);
    return li;
  }

  function addPending() {
    var li = el('li', 'kiosk-msg kiosk-msg--pending');
    li.appendChild(el('p', 'kiosk-bubble kiosk-text', 'Finding an answer…'));
    log.appendChild(li);
    return li;
  }

  function addBotTurn(messages) {
    var li = el('li', 'kiosk-msg kiosk-msg--bot');
    var buttons = [];
    var summary = null;
    messages.forEach(function (message) {
      if (message && typeof message.text === 'string' && message.text) {
        var bubble = el('div', 'kiosk-bubble');
        var card = Core.parseServiceCard(message.text);
        if (card) {
          bubble.classList.add('kiosk-bubble--card');
          bubble.appendChild(Core.renderServiceCard(card, {
            tel: false, links: false, numberClass: 'kiosk-number', paragraphClass: 'kiosk-text',
            headingTag: 'h2', headingClass: 'kiosk-card__name'
          }));
        } else {
          bubble.appendChild(Core.renderText(message.text, RENDER));
        }
        li.appendChild(bubble);
      }
      buttons = buttons.concat(Core.buttonsOf(message));
      var custom = message && message.custom;
      if (custom && custom.print_summary && Array.isArray(custom.print_summary.services)) {
        summary = custom.print_summary;
      }
    });
    if (summary) {
      latestSummary = summary;
      Array.prototype.forEach.call(log.querySelectorAll('.kiosk-print-offer'), function (node) { node.remove(); });
      var offer = el('div', 'kiosk-print-offer');
      var printButton = el('button', 'govuk-button kiosk-big-button kiosk-print-button', 'Print these details');
      printButton.type = 'button';
      offer.appendChild(printButton);
      offer.appendChild(el('p', 'kiosk-small', 'The printout lists these services only. It does not show anything you chose or typed.'));
      li.appendChild(offer);
    }
    if (buttons.length) {
      li.appendChild(Core.choiceGroup(buttons, {groupClass: 'kiosk-choices', buttonClass: 'kiosk-choice'}));
    }
    log.appendChild(li);
    return li;
  }

  function addEmergency() {
    var li = el('li', 'kiosk-msg kiosk-msg--alert');
    var box = el('div', 'kiosk-emergency');
    box.appendChild(el('h2', 'kiosk-card__name', 'This service is not working right now'));
    box.appendChild(Core.renderText(
      'In danger now? Call 999, or ask library staff to call for you.\n' +
      'Samaritans: call 116 123 free, any time.\n' +
      'NHS: call 111 for urgent help.\n' +
      'Please ask library staff if you need help.', RENDER));
    li.appendChild(box);
    log.appendChild(li);
    return li;
  }

  // --- printing ---------------------------------------------------------------------------

  function printSummary() {
    if (!latestSummary) return;
    var s = latestSummary;
    printArea.textContent = '';
    printArea.appendChild(el('p', 'kiosk-print__source', 'Anytown Libraries'));
    printArea.appendChild(el('h1', 'kiosk-print__title', typeof s.title === 'string' && s.title ? s.title : 'Support you can contact'));
    var list = el('ul', 'kiosk-print__list');
    s.services.forEach(function (service) {
      if (!service || typeof service.name !== 'string') return;
      var item = el('li', 'kiosk-print__service');
      item.appendChild(el('h2', 'kiosk-print__name', service.name));
      [['Phone', service.phone], ['Text', service.text], ['When', service.hours], ['Website', service.website]]
        .forEach(function (pair) {
          if (typeof pair[1] !== 'string' || !pair[1]) return;
          var p = el('p', 'kiosk-print__line');
          p.appendChild(el('strong', null, pair[0] + ': '));
          p.appendChild(document.createTextNode(pair[1]));
          item.appendChild(p);
        });
      list.appendChild(item);
    });
    printArea.appendChild(list);
    if (typeof s.footer === 'string' && s.footer) {
      printArea.appendChild(el('p', 'kiosk-print__footer', s.footer));
    }
    activity();
    window.print();
  }

  window.addEventListener('afterprint', function () {
    printArea.textContent = '';
  });
})();
