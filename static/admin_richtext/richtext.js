/*
 * A small rich-text editor for the admin: a toolbar over a contenteditable area that keeps
 * the field's textarea in sync. No dependencies, no inline scripts (CSP), and the textarea
 * stays the real form field: without JavaScript it is simply a working textarea.
 *
 * The server sanitises whatever it receives (news/richtext.py). The cleaning here only keeps
 * the editing area tidy (pasted Word or web markup) and never lets stored or pasted markup
 * run: HTML is parsed in an inert DOMParser document and only allowlisted elements are copied.
 */
(function () {
  "use strict";

  var ALLOWED = {
    P: [], BR: [], H2: [], H3: [], H4: [], STRONG: [], B: [], EM: [], I: [], U: [], S: [],
    SUB: [], SUP: [], UL: [], OL: [], LI: [], A: ["href", "title"], BLOCKQUOTE: [], HR: [],
    TABLE: [], THEAD: [], TBODY: [], TR: [], TH: ["scope"], TD: ["colspan", "rowspan"],
    CAPTION: []
  };
  // Dropped with everything inside them; any other unknown element is unwrapped.
  var DROPPED = [
    "SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "TEMPLATE", "NOSCRIPT",
    "HEAD", "TITLE", "META", "LINK", "BASE", "FORM", "INPUT", "BUTTON", "SELECT", "TEXTAREA",
    "IMG", "VIDEO", "AUDIO", "CANVAS", "FRAME", "FRAMESET", "APPLET"
  ];
  var BLOCKS = ["P", "H2", "H3", "H4", "BLOCKQUOTE", "LI"];
  // Top-level elements of the editing area; anything else at the top is wrapped in a paragraph.
  var TOP_LEVEL = ["P", "H2", "H3", "H4", "BLOCKQUOTE", "UL", "OL", "TABLE", "HR"];
  var EMPTY_DROPPED = ["P", "H2", "H3", "H4", "LI", "BLOCKQUOTE", "UL", "OL"];
  var HISTORY_LIMIT = 200;
  var SCHEME = /^([a-z][a-z0-9+.\-]*):/i;

  /* A URL an editor may link to: http(s), mailto, or a path/anchor on this site. */
  function safeUrl(value) {
    // Browsers ignore whitespace and control characters inside a scheme ("jav\tascript:").
    var url = String(value || "").replace(/[\u0000-\u0020\u007f-\u009f]+/g, "");
    if (!url) return "";
    var match = SCHEME.exec(url);
    if (match) {
      var scheme = match[1].toLowerCase();
      return scheme === "http" || scheme === "https" || scheme === "mailto" ? url : null;
    }
    if (/^[\/#?]/.test(url)) return url;
    if (/^[^\/]+@[^\/]+\.[^\/]+$/.test(url)) return "mailto:" + url;
    return "https://" + url;
  }

  function copyAllowed(source, target) {
    Array.prototype.forEach.call(source.childNodes, function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.appendChild(document.createTextNode(node.nodeValue));
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      var tag = node.tagName.toUpperCase();
      if (DROPPED.indexOf(tag) !== -1) return;
      // Google Docs wraps a whole paste in a <b>: it is not bold.
      var isDocsWrapper = tag === "B" && /^docs-internal-guid/.test(node.id || "");
      if (!ALLOWED.hasOwnProperty(tag) || isDocsWrapper) {
        copyAllowed(node, target);
        return;
      }
      var element = document.createElement(tag.toLowerCase());
      ALLOWED[tag].forEach(function (name) {
        if (!node.hasAttribute(name)) return;
        var value = node.getAttribute(name);
        if (name === "href") {
          value = safeUrl(value);
          if (!value) return;
        }
        element.setAttribute(name, value);
      });
      copyAllowed(node, element);
      if (EMPTY_DROPPED.indexOf(tag) !== -1 && !element.textContent.trim()) return;
      target.appendChild(element);
    });
    return target;
  }

  /* Parse markup without running it and keep only the allowlisted structure. */
  function cleanFragment(html) {
    var parsed = new DOMParser().parseFromString(
      "<!DOCTYPE html><html><body>" + (html || "") + "</body></html>",
      "text/html"
    );
    return copyAllowed(parsed.body, document.createDocumentFragment());
  }

  function fragmentToHtml(fragment) {
    var holder = document.createElement("div");
    holder.appendChild(fragment);
    return holder.innerHTML;
  }

  /* Character offset of a DOM position inside `root`, and back: how the history and the
     block commands keep the caret where the editor left it. */
  function textOffset(root, container, offset) {
    var range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(container, offset);
    return range.toString().length;
  }

  function positionAt(root, wanted) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    var last = null;
    while ((node = walker.nextNode())) {
      if (wanted <= node.nodeValue.length) return { node: node, offset: wanted };
      wanted -= node.nodeValue.length;
      last = node;
    }
    return last ? { node: last, offset: last.nodeValue.length } : { node: root, offset: 0 };
  }

  function rename(element, tag) {
    var replacement = document.createElement(tag);
    while (element.firstChild) replacement.appendChild(element.firstChild);
    element.parentNode.replaceChild(replacement, element);
    return replacement;
  }

  function RichText(root) {
    this.root = root;
    this.textarea = root.querySelector("textarea");
    this.toolbar = root.querySelector(".richtext-toolbar");
    this.editor = root.querySelector(".richtext-editor");
    this.hint = root.querySelector(".richtext-hint");
    this.buttons = Array.prototype.slice.call(this.toolbar.querySelectorAll("button"));
    this.sourceMode = false;
    this.savedRange = null;
    this.history = [];
    this.historyIndex = -1;
    this.pendingRecord = null;
    this.setUp();
  }

  RichText.prototype.setUp = function () {
    var self = this;
    var label = this.textarea.id && document.querySelector('label[for="' + this.textarea.id + '"]');
    if (label) {
      label.id = label.id || this.textarea.id + "_label";
      this.editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function (event) {
        if (!self.sourceMode) {
          event.preventDefault();
          self.editor.focus();
        }
      });
    }
    if (this.textarea.getAttribute("aria-invalid") === "true") {
      this.editor.setAttribute("aria-invalid", "true");
    }
    if (this.textarea.hasAttribute("aria-describedby")) {
      this.editor.setAttribute(
        "aria-describedby",
        this.hint.id + " " + this.textarea.getAttribute("aria-describedby")
      );
    }
    this.load(this.textarea.value);
    this.record();
    this.toolbar.hidden = false;
    this.editor.hidden = false;
    this.hint.hidden = false;
    this.textarea.hidden = true;
    this.root.classList.add("richtext-ready");

    this.buttons.forEach(function (button, index) {
      button.tabIndex = index === 0 ? 0 : -1;
      // Keep the editor's selection when a button is clicked with the mouse.
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      button.addEventListener("click", function () { self.run(button.dataset.command); });
    });
    this.toolbar.addEventListener("keydown", function (event) { self.onToolbarKey(event); });
    this.editor.addEventListener("keydown", function (event) { self.onEditorKey(event); });
    this.editor.addEventListener("beforeinput", function (event) {
      if (event.inputType === "historyUndo" || event.inputType === "historyRedo") {
        event.preventDefault();
        self.run(event.inputType === "historyUndo" ? "undo" : "redo");
      }
    });
    this.editor.addEventListener("input", function () {
      self.sync(false);
      self.scheduleRecord();
    });
    this.editor.addEventListener("paste", function (event) { self.onPaste(event); });
    this.editor.addEventListener("focus", function () {
      document.execCommand("defaultParagraphSeparator", false, "p");
      document.execCommand("styleWithCSS", false, false);
    });
    document.addEventListener("selectionchange", function () {
      var range = self.currentRange();
      if (range) {
        self.savedRange = range.cloneRange();
        self.updateState();
      }
    });
    var form = this.textarea.form;
    if (form) {
      form.addEventListener("submit", function () { self.sync(true); });
    }
  };

  RichText.prototype.load = function (html) {
    this.editor.replaceChildren(cleanFragment(html));
    this.normalize();
  };

  /* Keep the flat structure the commands rely on: top-level blocks only, never a list or a
     quote inside a paragraph, and at least one paragraph to type in. */
  RichText.prototype.normalize = function () {
    var editor = this.editor;
    Array.prototype.slice.call(editor.querySelectorAll("p")).forEach(function (p) {
      var inner = p.querySelector("ul, ol, blockquote, h2, h3, h4, p, table, hr");
      if (inner) {
        while (p.firstChild) p.parentNode.insertBefore(p.firstChild, p);
        p.parentNode.removeChild(p);
      }
    });
    var paragraph = null;
    Array.prototype.slice.call(editor.childNodes).forEach(function (node) {
      var isBlock = node.nodeType === Node.ELEMENT_NODE && TOP_LEVEL.indexOf(node.tagName) !== -1;
      if (isBlock) {
        paragraph = null;
        return;
      }
      if (node.nodeType === Node.TEXT_NODE && !node.nodeValue.trim() && !paragraph) {
        editor.removeChild(node);
        return;
      }
      if (!paragraph) {
        paragraph = document.createElement("p");
        editor.insertBefore(paragraph, node);
      }
      paragraph.appendChild(node);
    });
    if (!editor.firstChild) {
      editor.appendChild(document.createElement("p")).appendChild(document.createElement("br"));
    }
  };

  RichText.prototype.sync = function (tidy) {
    if (this.sourceMode) return;
    var empty = !this.editor.textContent.trim() && !this.editor.querySelector("hr");
    var html = empty ? "" : this.editor.innerHTML;
    this.textarea.value = tidy && html ? fragmentToHtml(cleanFragment(html)) : html;
  };

  /* Undo history of our own: the block commands rearrange the DOM directly, which the
     browser's native undo stack does not track. */
  RichText.prototype.caret = function () {
    var range = this.currentRange();
    if (!range) return null;
    return {
      start: textOffset(this.editor, range.startContainer, range.startOffset),
      end: textOffset(this.editor, range.endContainer, range.endOffset)
    };
  };

  RichText.prototype.placeCaret = function (caret) {
    if (!caret) return;
    var start = positionAt(this.editor, caret.start);
    var end = positionAt(this.editor, caret.end);
    var range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };

  RichText.prototype.record = function () {
    window.clearTimeout(this.pendingRecord);
    this.pendingRecord = null;
    var html = this.editor.innerHTML;
    var current = this.history[this.historyIndex];
    if (current && current.html === html) {
      current.caret = this.caret() || current.caret;
      return;
    }
    this.history = this.history.slice(0, this.historyIndex + 1);
    this.history.push({ html: html, caret: this.caret() });
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    this.historyIndex = this.history.length - 1;
  };

  RichText.prototype.scheduleRecord = function () {
    var self = this;
    window.clearTimeout(this.pendingRecord);
    this.pendingRecord = window.setTimeout(function () { self.record(); }, 500);
  };

  RichText.prototype.travel = function (step) {
    this.record();
    var target = this.historyIndex + step;
    if (target < 0 || target >= this.history.length) return;
    this.historyIndex = target;
    var entry = this.history[target];
    // Our own earlier state of the editing area, so it is already clean markup.
    this.editor.innerHTML = entry.html;
    this.editor.focus();
    this.placeCaret(entry.caret);
  };

  RichText.prototype.currentRange = function () {
    var selection = window.getSelection();
    if (!selection || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    return this.editor.contains(range.commonAncestorContainer) ? range : null;
  };

  RichText.prototype.restoreSelection = function () {
    this.editor.focus();
    if (this.savedRange && !this.currentRange() && this.editor.contains(this.savedRange.startContainer)) {
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(this.savedRange);
    }
  };

  RichText.prototype.closest = function (tags) {
    var range = this.currentRange() || this.savedRange;
    if (!range) return null;
    var node = range.startContainer;
    while (node && node !== this.editor) {
      if (node.nodeType === Node.ELEMENT_NODE && tags.indexOf(node.tagName) !== -1) return node;
      node = node.parentNode;
    }
    return null;
  };

  RichText.prototype.block = function () {
    var block = this.closest(BLOCKS);
    if (block && block.tagName === "P" && block.parentNode.tagName === "BLOCKQUOTE") {
      return block.parentNode;
    }
    return block;
  };

  /* The top-level blocks the selection touches. */
  RichText.prototype.selectedBlocks = function () {
    var range = this.currentRange();
    var editor = this.editor;
    if (!range) return [];
    function topLevel(node) {
      while (node && node.parentNode !== editor) node = node.parentNode;
      return node;
    }
    var first = topLevel(range.startContainer === editor ? editor.childNodes[range.startOffset] || editor.lastChild : range.startContainer);
    var last = topLevel(range.endContainer === editor ? editor.childNodes[Math.max(range.endOffset - 1, 0)] : range.endContainer);
    var blocks = [];
    for (var node = first; node; node = node.nextSibling) {
      if (node.nodeType === Node.ELEMENT_NODE) blocks.push(node);
      if (node === last) break;
    }
    return blocks;
  };

  /* The text-holding pieces of a block: a list gives its items, a quote its paragraphs. */
  function pieces(block) {
    if (block.tagName === "UL" || block.tagName === "OL") {
      return Array.prototype.slice.call(block.children);
    }
    if (block.tagName === "BLOCKQUOTE") {
      var children = Array.prototype.slice.call(block.children);
      var allBlocks = children.length && children.every(function (child) {
        return TOP_LEVEL.indexOf(child.tagName) !== -1;
      }) && children.length === block.childNodes.length;
      return allBlocks ? children : [block];
    }
    return [block];
  }

  RichText.prototype.restructure = function (change) {
    var caret = this.caret();
    var blocks = this.selectedBlocks();
    if (!blocks.length) return;
    // In an empty block the text offset is also the end of the block before it: mark the
    // spot instead, so the caret stays in the new (still empty) heading or list item.
    var range = this.currentRange();
    var marker = null;
    if (range && range.collapsed && blocks.length === 1 && !blocks[0].textContent.trim()) {
      marker = document.createElement("span");
      range.insertNode(marker);
    }
    change.call(this, blocks);
    this.normalize();
    this.editor.focus();
    if (marker && this.editor.contains(marker)) {
      var selection = window.getSelection();
      var spot = document.createRange();
      spot.setStartBefore(marker);
      spot.collapse(true);
      marker.parentNode.removeChild(marker);
      selection.removeAllRanges();
      selection.addRange(spot);
    } else {
      if (marker && marker.parentNode) marker.parentNode.removeChild(marker);
      this.placeCaret(caret);
    }
  };

  RichText.prototype.setBlock = function (tag) {
    this.restructure(function (blocks) {
      blocks.forEach(function (block) {
        if (block.tagName === "TABLE" || block.tagName === "HR") return;
        pieces(block).forEach(function (piece) {
          var renamed = rename(piece, tag);
          if (renamed.parentNode !== this.editor) {
            this.editor.insertBefore(renamed, block);
          }
        }, this);
        if (block.parentNode && !block.textContent.trim()) block.parentNode.removeChild(block);
      }, this);
    });
  };

  RichText.prototype.toggleList = function (tag) {
    var listTag = tag.toUpperCase();
    var blocks = this.selectedBlocks();
    var allSame = blocks.length && blocks.every(function (block) { return block.tagName === listTag; });
    if (allSame) {
      this.setBlock("p");
      return;
    }
    this.restructure(function (blocks) {
      var list = document.createElement(tag);
      this.editor.insertBefore(list, blocks[0]);
      blocks.forEach(function (block) {
        if (block.tagName === "TABLE" || block.tagName === "HR") return;
        pieces(block).forEach(function (piece) {
          list.appendChild(rename(piece, "li"));
        });
        if (block.parentNode && block !== list) block.parentNode.removeChild(block);
      });
    });
  };

  RichText.prototype.toggleQuote = function () {
    var blocks = this.selectedBlocks();
    var allQuotes = blocks.length && blocks.every(function (block) { return block.tagName === "BLOCKQUOTE"; });
    this.restructure(function (blocks) {
      if (allQuotes) {
        blocks.forEach(function (quote) {
          pieces(quote).forEach(function (piece) {
            var paragraph = piece === quote ? rename(piece, "p") : piece;
            if (paragraph.parentNode !== this.editor) this.editor.insertBefore(paragraph, quote);
          }, this);
          if (quote.parentNode) quote.parentNode.removeChild(quote);
        }, this);
        return;
      }
      var wrapper = document.createElement("blockquote");
      this.editor.insertBefore(wrapper, blocks[0]);
      blocks.forEach(function (block) {
        if (block.tagName === "BLOCKQUOTE") {
          while (block.firstChild) wrapper.appendChild(block.firstChild);
          block.parentNode.removeChild(block);
        } else if (/^H[2-4]$/.test(block.tagName)) {
          wrapper.appendChild(rename(block, "p"));
        } else {
          wrapper.appendChild(block);
        }
      });
    });
  };

  RichText.prototype.run = function (command) {
    if (command === "source") {
      this.toggleSource();
      return;
    }
    if (this.sourceMode) return;
    if (command === "undo" || command === "redo") {
      this.travel(command === "undo" ? -1 : 1);
      this.sync(false);
      this.updateState();
      return;
    }
    this.restoreSelection();
    this.record();
    var blockTag = (this.block() || {}).tagName || "";
    switch (command) {
      case "p":
        this.setBlock("p");
        break;
      case "h2":
      case "h3":
        this.setBlock(blockTag === command.toUpperCase() ? "p" : command);
        break;
      case "blockquote":
        this.toggleQuote();
        break;
      case "insertUnorderedList":
        this.toggleList("ul");
        break;
      case "insertOrderedList":
        this.toggleList("ol");
        break;
      case "link":
        this.editLink();
        break;
      case "removeFormat":
        document.execCommand("removeFormat");
        document.execCommand("unlink");
        break;
      default:
        document.execCommand(command);
    }
    this.record();
    this.sync(false);
    this.updateState();
  };

  RichText.prototype.editLink = function () {
    var existing = this.closest(["A"]);
    var answer = window.prompt(
      this.root.dataset.msgLinkPrompt,
      existing ? existing.getAttribute("href") : "https://"
    );
    this.restoreSelection();
    if (answer === null) return;
    if (!answer.trim() || answer.trim() === "https://") {
      if (existing) {
        while (existing.firstChild) existing.parentNode.insertBefore(existing.firstChild, existing);
        existing.parentNode.removeChild(existing);
      }
      return;
    }
    var url = safeUrl(answer);
    if (!url) {
      window.alert(this.root.dataset.msgLinkRefused);
      return;
    }
    if (existing) {
      existing.setAttribute("href", url);
      return;
    }
    var current = this.currentRange();
    if (current && current.collapsed) {
      // Nothing selected: the address itself becomes the link text.
      var text = document.createTextNode(answer.trim());
      current.insertNode(text);
      current.selectNodeContents(text);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(current);
      document.execCommand("createLink", false, url);
      selection.collapseToEnd();
    } else if (current) {
      document.execCommand("createLink", false, url);
    }
  };

  RichText.prototype.toggleSource = function () {
    var button = this.toolbar.querySelector('[data-command="source"]');
    if (this.sourceMode) {
      this.sourceMode = false;
      this.record();
      this.load(this.textarea.value);
      this.record();
      this.sync(true);
      this.textarea.hidden = true;
      this.editor.hidden = false;
      this.editor.focus();
    } else {
      this.sync(true);
      this.sourceMode = true;
      this.editor.hidden = true;
      this.textarea.hidden = false;
      this.textarea.focus();
    }
    button.setAttribute("aria-pressed", String(this.sourceMode));
    this.buttons.forEach(function (other) {
      if (other !== button) other.disabled = this.sourceMode;
    }, this);
  };

  RichText.prototype.updateState = function () {
    if (this.sourceMode) return;
    var block = this.block();
    var blockTag = block ? block.tagName : "";
    var state = {
      p: blockTag === "P",
      h2: blockTag === "H2",
      h3: blockTag === "H3",
      blockquote: !!this.closest(["BLOCKQUOTE"]),
      bold: document.queryCommandState("bold"),
      italic: document.queryCommandState("italic"),
      link: !!this.closest(["A"]),
      insertUnorderedList: !!this.closest(["UL"]),
      insertOrderedList: !!this.closest(["OL"])
    };
    this.buttons.forEach(function (button) {
      var command = button.dataset.command;
      if (state.hasOwnProperty(command)) {
        button.setAttribute("aria-pressed", String(!!state[command]));
      }
    });
  };

  RichText.prototype.onToolbarKey = function (event) {
    var enabled = this.buttons.filter(function (button) { return !button.disabled; });
    var index = enabled.indexOf(document.activeElement);
    var next = null;
    if (event.key === "ArrowRight") next = enabled[(index + 1) % enabled.length];
    else if (event.key === "ArrowLeft") next = enabled[(index - 1 + enabled.length) % enabled.length];
    else if (event.key === "Home") next = enabled[0];
    else if (event.key === "End") next = enabled[enabled.length - 1];
    else if (event.key === "Escape") {
      event.preventDefault();
      if (this.sourceMode) this.textarea.focus();
      else this.restoreSelection();
      return;
    }
    if (next) {
      event.preventDefault();
      this.buttons.forEach(function (button) { button.tabIndex = button === next ? 0 : -1; });
      next.focus();
    }
  };

  RichText.prototype.onEditorKey = function (event) {
    var mod = event.ctrlKey || event.metaKey;
    var key = event.key.toLowerCase();
    if (event.altKey && event.key === "F10") {
      event.preventDefault();
      var current = this.buttons.filter(function (button) { return button.tabIndex === 0; })[0];
      (current || this.buttons[0]).focus();
    } else if (mod && key === "k") {
      event.preventDefault();
      this.run("link");
    } else if (mod && (key === "z" || key === "y")) {
      event.preventDefault();
      this.run(key === "y" || event.shiftKey ? "redo" : "undo");
    } else if (event.key === "Enter") {
      this.record();
    }
  };

  RichText.prototype.onPaste = function (event) {
    var data = event.clipboardData;
    if (!data) return;
    event.preventDefault();
    this.record();
    var html = data.getData("text/html");
    if (html) {
      document.execCommand("insertHTML", false, fragmentToHtml(cleanFragment(html)));
      this.normalize();
    } else {
      document.execCommand("insertText", false, data.getData("text/plain"));
    }
    this.record();
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-richtext]"), function (root) {
      if (!root.classList.contains("richtext-ready") && root.querySelector("textarea")) {
        new RichText(root);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
