/*
 * Signpost core: shared by the resident widget, the library kiosk and the call-handler console.
 *
 * - A conversation id made with crypto.getRandomValues, kept in memory only (never in
 *   cookies, localStorage, sessionStorage or IndexedDB).
 * - A small client for POST /api/message and POST /api/end on the Signpost web server.
 * - Bot text rendered safely: DOM nodes and textContent only, never innerHTML. Phone
 *   numbers become tel: links, text-message short codes sms: links, web addresses links.
 *
 * Plain JavaScript, no build step. Exposes window.SignpostCore.
 */
(function (global) {
  'use strict';

  var REQUEST_TIMEOUT_MS = 20000; // the server gives up on Rasa after 15 s and answers 503

  function newConversationId() {
    var bytes = new Uint8Array(16);
    global.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  // --- Talking to the server -----------------------------------------------------------

  /**
   * @param {{server?: string, mode: string, place?: string}} options
   */
  function Client(options) {
    this.server = (options.server || '').replace(/\/+$/, '');
    this.mode = options.mode;
    this.place = options.place || '';
    this.id = newConversationId();
    this.started = false;
  }

  /**
   * Sends one message. Resolves (never rejects) with
   * {ok: true, messages} or {ok: false, kind, error}, where kind is one of
   * "invalid" (400), "unauthorised" (401), "too_long" (413), "rate_limited" (429),
   * "unavailable" (503 or any other server error) or "unreachable" (no answer at all).
   */
  Client.prototype.send = function (text) {
    var self = this;
    var metadata = { mode: this.mode };
    // A kiosk's place goes with the first answered message only, so a place the person
    // chooses later is not overwritten by the library's.
    if (this.mode === 'kiosk' && this.place && !this.placeSent) {
      metadata.place = this.place;
    }
    var body = JSON.stringify({ sender: this.id, message: text, metadata: metadata });
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? global.setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS) : null;
    return global.fetch(this.server + '/api/message', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body,
      cache: 'no-store',
      credentials: 'same-origin',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        self.started = true;
        if (response.ok) {
          if (metadata.place) { self.placeSent = true; }
          var messages = data && Array.isArray(data.messages) ? data.messages : [];
          return { ok: true, messages: messages };
        }
        var kinds = { 400: 'invalid', 401: 'unauthorised', 413: 'too_long', 429: 'rate_limited' };
        return {
          ok: false,
          kind: kinds[response.status] || 'unavailable',
          status: response.status,
          error: data && typeof data.error === 'string' ? data.error : ''
        };
      });
    }, function () {
      return { ok: false, kind: 'unreachable', status: 0, error: '' };
    }).then(function (result) {
      if (timer) global.clearTimeout(timer);
      return result;
    });
  };

  /**
   * Ends the conversation on the server and starts a new id. Uses sendBeacon so it
   * still goes out while the page is being replaced (quick exit); fetch keepalive if not.
   * @param {boolean} [always] - end even if no message was sent yet
   */
  Client.prototype.end = function (always) {
    var oldId = this.id;
    var wasStarted = this.started;
    this.id = newConversationId();
    this.started = false;
    this.placeSent = false;
    if (!wasStarted && !always) {
      return;
    }
    var url = this.server + '/api/end';
    var body = JSON.stringify({ sender: oldId });
    var sent = false;
    try {
      // text/plain keeps it a "simple" request: no CORS preflight, allowed by sendBeacon.
      sent = !!(global.navigator.sendBeacon &&
        global.navigator.sendBeacon(url, new Blob([body], { type: 'text/plain;charset=UTF-8' })));
    } catch (e) {
      sent = false;
    }
    if (!sent) {
      try {
        global.fetch(url, {
          method: 'POST', body: body, keepalive: true, credentials: 'same-origin',
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' }
        }).catch(function () {});
      } catch (e) { /* nothing more we can do */ }
    }
  };

  // --- Rendering bot text safely -----------------------------------------------------------

  // Order matters where two patterns could start at the same place: the first wins.
  var TOKEN_PATTERNS = [
    ['url', 'https?:\\/\\/[^\\s<>"]+'],
    ['email', '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}'],
    ['domain', '(?:www\\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+(?:uk|com|org|net|info|scot|wales)(?:\\/[^\\s<>"]*)?(?![A-Za-z0-9])'],
    // Text-message short codes: "text SHOUT to 85258", "Text 82111", "texts to 7726"
    ['sms', '(?<=\\b[Tt]ext(?:s)?(?: [A-Z]+)? to |\\b[Tt]ext )\\d{4,5}(?!\\d)'],
    // Textphone relay prefixes: "18000", "18001 101"
    ['tel', '(?<!\\d)1800[0-2](?: (?:0\\d{2,4}(?: ?\\d){4,8}|\\d{3}))?(?!\\d)'],
    // UK numbers starting 0: "0808 2000 247", "0800 4 70 80 90", "0800 1111", "08000 121 700"
    ['tel', '(?<![\\d+])0\\d{2,4}(?: ?\\d){4,8}(?!\\d)'],
    // Short national numbers
    ['tel', '(?<![\\d])(?:999|111|101|116 ?123|116 ?000|116 ?111|116 ?117)(?![\\d])']
  ];
  var TOKEN_RE = new RegExp(TOKEN_PATTERNS.map(function (p) { return '(' + p[1] + ')'; }).join('|'), 'g');
  var TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;

  /**
   * Appends text to parent as text nodes and links.
   * @param {Node} parent
   * @param {string} text
   * @param {{tel?: boolean, links?: boolean, numberClass?: string}} [options]
   *   tel: phone numbers become tel:/sms: links (default true); otherwise they are emphasised text.
   *   links: web and email addresses become links (default true).
   */
  function appendLinkified(parent, text, options) {
    options = options || {};
    var tel = options.tel !== false;
    var links = options.links !== false;
    var last = 0;
    var match;
    TOKEN_RE.lastIndex = 0;
    while ((match = TOKEN_RE.exec(text)) !== null) {
      var value = match[0];
      var kind = null;
      for (var i = 0; i < TOKEN_PATTERNS.length; i++) {
        if (match[i + 1] !== undefined) { kind = TOKEN_PATTERNS[i][0]; break; }
      }
      if (kind === 'url' || kind === 'domain') {
        var trailing = value.match(TRAILING_PUNCTUATION);
        if (trailing) value = value.slice(0, value.length - trailing[0].length);
      }
      if (kind === 'tel') {
        var digits = value.replace(/\D/g, '');
        if (value.charAt(0) === '0' && (digits.length < 8 || digits.length > 11)) {
          continue;
        }
      }
      var start = match.index;
      if (start > last) parent.appendChild(document.createTextNode(text.slice(last, start)));
      parent.appendChild(makeToken(kind, value, tel, links, options));
      last = start + value.length;
      TOKEN_RE.lastIndex = last;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  function makeToken(kind, value, tel, links, options) {
    var a;
    if (kind === 'tel' || kind === 'sms') {
      if (!tel) {
        var strong = document.createElement('strong');
        strong.className = options.numberClass || 'signpost-number';
        strong.textContent = value;
        return strong;
      }
      a = document.createElement('a');
      a.className = 'govuk-link signpost-tel';
      a.href = (kind === 'sms' ? 'sms:' : 'tel:') + value.replace(/\D/g, '');
      a.textContent = value;
      return a;
    }
    if (!links) {
      return document.createTextNode(value);
    }
    a = document.createElement('a');
    a.className = 'govuk-link';
    if (kind === 'email') {
      a.href = 'mailto:' + value;
      a.textContent = value;
      return a;
    }
    a.href = /^https?:\/\//i.test(value) ? value : 'https://' + value;
    if (!/^https?:$/.test(a.protocol)) { // belt and braces: only web links
      return document.createTextNode(value);
    }
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = value;
    var hint = document.createElement('span');
    hint.className = 'govuk-visually-hidden';
    hint.textContent = ' (opens in new tab)';
    a.appendChild(hint);
    return a;
  }

  /**
   * Is this message a service card ("Name\nDescription\nPhone: ...")? Returns
   * {name, lines: [{label, value}]} or null.
   */
  function parseServiceCard(text) {
    var lines = String(text).split('\n');
    if (lines.length < 2 || /:$/.test(lines[0]) || lines[0].length > 90) return null;
    var labelled = 0;
    var rest = lines.slice(1).map(function (line) {
      var m = line.match(/^(Phone|Text|When|Website|Web chat|Email|How to contact|What happens|Why|Please note): (.*)$/);
      if (m) { labelled++; return { label: m[1], value: m[2] }; }
      if (/^Call /.test(line)) { labelled++; }
      return { label: '', value: line };
    });
    if (!labelled && !(lines.length === 2 && /^https?:\/\//.test(lines[1]))) return null;
    return { name: lines[0], lines: rest };
  }

  /**
   * Renders plain bot text (newlines, "- " bullets) into a fragment of paragraphs and lists.
   */
  function renderText(text, options) {
    options = options || {};
    var fragment = document.createDocumentFragment();
    var list = null;
    String(text).split('\n').forEach(function (line) {
      if (!line.trim()) { list = null; return; }
      var bullet = line.match(/^\s*[-•]\s+(.*)$/);
      if (bullet) {
        if (!list) {
          list = document.createElement('ul');
          list.className = 'govuk-list govuk-list--bullet signpost-text';
          fragment.appendChild(list);
        }
        var li = document.createElement('li');
        appendLinkified(li, bullet[1], options);
        list.appendChild(li);
        return;
      }
      list = null;
      var p = document.createElement('p');
      p.className = options.paragraphClass || 'govuk-body signpost-text';
      appendLinkified(p, line, options);
      fragment.appendChild(p);
    });
    return fragment;
  }

  /**
   * Renders a service card: name as a heading, labelled lines.
   */
  function renderServiceCard(card, options) {
    options = options || {};
    var box = document.createElement('div');
    box.className = 'signpost-card';
    var heading = document.createElement(options.headingTag || 'h3');
    heading.className = options.headingClass || 'govuk-heading-s signpost-card__name';
    heading.textContent = card.name;
    box.appendChild(heading);
    card.lines.forEach(function (line) {
      var p = document.createElement('p');
      p.className = options.paragraphClass || 'govuk-body signpost-text';
      if (line.label) {
        var label = document.createElement('strong');
        label.textContent = line.label + ': ';
        p.appendChild(label);
      }
      appendLinkified(p, line.value, options);
      box.appendChild(p);
    });
    return box;
  }

  /** Plain text of a rendered bot reply, for the screen-reader announcement. */
  function announceText(messages) {
    var parts = [];
    messages.forEach(function (m) {
      if (typeof m.text === 'string' && m.text) parts.push(m.text.replace(/\n+/g, '. '));
      if (Array.isArray(m.buttons) && m.buttons.length) {
        parts.push(m.buttons.length === 1 ? '1 option to choose below.' : m.buttons.length + ' options to choose below.');
      }
    });
    return parts.join(' ');
  }

  /**
   * A polite live region that announces text reliably (cleared, then filled).
   */
  function Announcer(element) {
    this.element = element;
    this.timer = null;
  }
  Announcer.prototype.say = function (text) {
    var el = this.element;
    global.clearTimeout(this.timer);
    el.textContent = '';
    this.timer = global.setTimeout(function () { el.textContent = text; }, 100);
  };
  Announcer.prototype.clear = function () {
    global.clearTimeout(this.timer);
    this.element.textContent = '';
  };

  /** Creates an element with a class and optional text (textContent only). */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /**
   * The GOV.UK inline error on one field, shared by every page.
   * @param {{group: Element, input: Element, message: Element, errorClass: string,
   *          describedBy: string, errorId: string, announce: Announcer}} parts
   *   describedBy: the input's aria-describedby without the error ('' if none).
   */
  function FieldError(parts) {
    this.parts = parts;
  }

  FieldError.prototype.show = function (text) {
    var p = this.parts;
    p.message.textContent = '';
    p.message.appendChild(el('span', 'govuk-visually-hidden', 'Error: '));
    p.message.appendChild(document.createTextNode(text));
    p.message.hidden = false;
    p.group.classList.add('govuk-form-group--error');
    p.input.classList.add(p.errorClass);
    p.input.setAttribute('aria-describedby', (p.describedBy + ' ' + p.errorId).trim());
    p.announce.say('Error: ' + text);
  };

  FieldError.prototype.clear = function () {
    var p = this.parts;
    p.message.hidden = true;
    p.message.textContent = '';
    p.group.classList.remove('govuk-form-group--error');
    p.input.classList.remove(p.errorClass);
    if (p.describedBy) {
      p.input.setAttribute('aria-describedby', p.describedBy);
    } else {
      p.input.removeAttribute('aria-describedby');
    }
  };

  /**
   * The answers a reply offers, as a labelled group of secondary buttons. Each button
   * carries its payload (and title) for the page's click handler.
   * options: groupClass, buttonClass, and either labelledBy (an element id) or label.
   */
  function choiceGroup(buttons, options) {
    var group = el('div', options.groupClass);
    group.setAttribute('role', 'group');
    if (options.labelledBy) group.setAttribute('aria-labelledby', options.labelledBy);
    else group.setAttribute('aria-label', options.label || 'Choose an answer');
    buttons.forEach(function (b) {
      var button = el('button', 'govuk-button govuk-button--secondary ' + options.buttonClass, b.title);
      button.type = 'button';
      button.setAttribute('data-payload', b.payload);
      button.setAttribute('data-title', b.title);
      group.appendChild(button);
    });
    return group;
  }

  /** Valid buttons of a reply: [{title, payload}] with string fields only. */
  function buttonsOf(message) {
    if (!message || !Array.isArray(message.buttons)) return [];
    return message.buttons.filter(function (b) {
      return b && typeof b.title === 'string' && b.title && typeof b.payload === 'string' && b.payload;
    });
  }

  global.SignpostCore = {
    newConversationId: newConversationId,
    Client: Client,
    appendLinkified: appendLinkified,
    renderText: renderText,
    parseServiceCard: parseServiceCard,
    renderServiceCard: renderServiceCard,
    announceText: announceText,
    Announcer: Announcer,
    FieldError: FieldError,
    buttonsOf: buttonsOf,
    choiceGroup: choiceGroup,
    el: el
  };
})(window);
