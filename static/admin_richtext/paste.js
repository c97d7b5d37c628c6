/*
 * Pasted HTML from Word and Google Docs reduced to structure before the editor parses it.
 *
 * The editor's schema already drops what it has no node for, but three things would survive
 * it wrongly: Google Docs wraps a whole paste in <b style="font-weight:normal"> (everything
 * would turn bold), Word writes lists as paragraphs with a typed bullet (the list would be
 * lost and the bullets kept as text), and both leave empty paragraphs for spacing. Headings
 * are mapped onto the levels the site allows (h2-h4), and Google's redirect links
 * (google.com/url?q=...) onto the address they lead to.
 */

const DROPPED = "style, meta, link, script, title, xml, o\\:p"
const KEPT_ATTRIBUTES = { A: ["href", "title"], TD: ["colspan", "rowspan"], TH: ["colspan", "rowspan", "scope"], OL: ["start"] }

function unwrap(node) {
  node.replaceWith(...node.childNodes)
}

function rename(node, tag) {
  const renamed = node.ownerDocument.createElement(tag)
  renamed.append(...node.childNodes)
  node.replaceWith(renamed)
  return renamed
}

function removeComments(root) {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT)
  const comments = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.remove()
}

/* Inline styles that mean bold or italic become <strong>/<em> before styles are dropped. */
function keepStyledEmphasis(root) {
  for (const span of root.querySelectorAll("span[style]")) {
    const style = span.style
    const weight = style.fontWeight
    let node = span
    if (weight === "bold" || Number.parseInt(weight, 10) >= 600) {
      const strong = node.ownerDocument.createElement("strong")
      node.replaceWith(strong)
      strong.append(node)
    }
    if (style.fontStyle === "italic") {
      const em = node.ownerDocument.createElement("em")
      node.replaceWith(em)
      em.append(node)
    }
  }
}

/* Word's list paragraphs (mso-list) become <ul>/<ol> items; the typed bullet goes. */
function rebuildWordLists(root) {
  const isListParagraph = (node) =>
    node?.nodeType === 1 &&
    node.tagName === "P" &&
    (/mso-list/i.test(node.getAttribute("style") || "") || /MsoListParagraph/.test(node.className))
  for (const paragraph of [...root.querySelectorAll("p")]) {
    if (!paragraph.isConnected || !isListParagraph(paragraph)) continue
    const items = [paragraph]
    let next = paragraph.nextElementSibling
    while (isListParagraph(next)) {
      items.push(next)
      next = next.nextElementSibling
    }
    const marker = items[0].querySelector("span[style*='mso-list:Ignore' i]")
    const ordered = marker && /^\s*[0-9a-zA-Z]{1,3}[.)]/.test(marker.textContent)
    const list = root.ownerDocument.createElement(ordered ? "ol" : "ul")
    paragraph.before(list)
    for (const item of items) {
      for (const ignore of item.querySelectorAll("span[style*='mso-list:Ignore' i]")) ignore.remove()
      const li = root.ownerDocument.createElement("li")
      li.append(...item.childNodes)
      list.append(li)
      item.remove()
    }
  }
}

function googleTarget(href) {
  try {
    const url = new URL(href)
    if (/(^|\.)google\.[a-z.]+$/.test(url.hostname) && url.pathname === "/url" && url.searchParams.get("q")) {
      return url.searchParams.get("q")
    }
  } catch {
    // Not an absolute address: kept as it is.
  }
  return href
}

function isEmptyBlock(node) {
  return !node.textContent.replace(/[\s\u00a0\u200b]/g, "") && !node.querySelector("img, hr, table")
}

export function cleanPastedHTML(html) {
  const doc = new DOMParser().parseFromString(html, "text/html")
  const body = doc.body
  removeComments(body)
  for (const node of body.querySelectorAll(DROPPED)) node.remove()
  // Google Docs: one <b style="font-weight:normal" id="docs-internal-guid-..."> around it all.
  for (const node of body.querySelectorAll("b[id^='docs-internal-guid']")) unwrap(node)
  keepStyledEmphasis(body)
  rebuildWordLists(body)
  for (const node of body.querySelectorAll("h1")) rename(node, "h2")
  for (const node of body.querySelectorAll("h5, h6")) rename(node, "h4")
  for (const node of body.querySelectorAll("span, font, div")) unwrap(node)
  for (const node of body.querySelectorAll("*")) {
    const kept = KEPT_ATTRIBUTES[node.tagName] || []
    for (const { name } of [...node.attributes]) {
      if (!kept.includes(name)) node.removeAttribute(name)
    }
    if (node.tagName === "A" && node.hasAttribute("href")) {
      node.setAttribute("href", googleTarget(node.getAttribute("href")))
    }
  }
  // A line break between blocks (Google Docs puts them there) would become an empty paragraph.
  for (const node of body.querySelectorAll(":scope > br")) node.remove()
  for (const node of body.querySelectorAll("p, h2, h3, h4, li")) {
    if (isEmptyBlock(node)) node.remove()
  }
  return body.innerHTML
}
