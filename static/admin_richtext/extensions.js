/*
 * The site's own extensions of django-prose-editor (configured in core/richtext_editor.py).
 *
 * - InternalLink: a toolbar button that searches the site's pages by title (the staff-only
 *   chooser endpoint, website/link_chooser.py) and links the selection, or inserts the
 *   page's title as a link, to its language-neutral public address (/news/slug/).
 * - CleanPaste: what Word and Google Docs put on the clipboard reduced to structure
 *   (headings, lists, links, tables, bold and italic) before the editor parses it.
 * - TableHeader: header cells say what they head (scope), for screen readers.
 * - Table: "insert table" offers a header row, ticked by default.
 * - Each editor's writing area is named after its field's label, its menu bar is a named
 *   toolbar, and the menu's button titles (English in the library) are translated through
 *   the admin's JavaScript catalogue (djangojs in locale/).
 *
 * The sanitiser on the server (core/richtext.py) stays the record; these only keep the
 * editor from producing what it would strip.
 */
import {
  Extension,
  Plugin,
  Table as BaseTable,
  TableHeader as BaseTableHeader,
  gettext,
  updateAttrsDialog,
} from "django-prose-editor/editor"

import { cleanPastedHTML } from "./paste.js"

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value
    else node.setAttribute(name, value)
  }
  node.append(...children)
  return node
}

function labelEditor({ detail: { editor, textarea } }) {
  const label = document.querySelector(`label[for="${textarea.id}"]`)
  const name = label ? label.textContent.replace(/:\s*$/, "").trim() : textarea.name
  editor.view.dom.setAttribute("aria-label", name)
  const menubar = textarea.closest(".prose-editor")?.querySelector(".prose-menubar")
  if (!menubar) return
  menubar.setAttribute("role", "toolbar")
  menubar.setAttribute("aria-label", interpolate(gettext("Formatting: %s"), [name]))
  for (const button of menubar.querySelectorAll("[title]")) {
    const title = gettext(button.getAttribute("title"))
    button.setAttribute("title", title)
    if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", title)
  }
}

document.addEventListener("prose-editor:ready", labelEditor)

let dialogCount = 0

/* The chooser: a modal dialog with a search box, a list of results (each a button) and a
 * "more results" button; Escape or Cancel closes it and gives the focus back. */
function chooseLink(editor, chooserUrl) {
  const id = `internal-link-${++dialogCount}`
  const search = element("input", { id: `${id}-q`, type: "search", autocomplete: "off" })
  const status = element("p", { class: "internal-link-status", role: "status" })
  const results = element("ul", { class: "internal-link-results", id: `${id}-results` })
  const more = element("button", { type: "button", hidden: "", text: gettext("More results") })
  const cancel = element("button", { type: "button", text: gettext("Cancel") })
  const dialog = element("dialog", { class: "prose-editor-dialog internal-link-dialog", "aria-labelledby": `${id}-title` }, [
    element("h3", { class: "prose-editor-dialog-title", id: `${id}-title`, text: gettext("Link to a page on this site") }),
    element("div", { class: "prose-editor-dialog-field" }, [
      element("label", { for: search.id, text: gettext("Search by title") }),
      search,
    ]),
    status,
    results,
    element("div", { class: "prose-editor-dialog-buttons" }, [more, cancel]),
  ])
  editor.view.dom.parentElement.append(dialog)

  let nextPage = null
  let timer = null
  let controller = null

  function choose(item) {
    dialog.close()
    const chain = editor.chain().focus()
    if (editor.state.selection.empty) {
      chain
        .insertContent({ type: "text", text: item.title, marks: [{ type: "link", attrs: { href: item.url } }] })
        .run()
    } else {
      chain.extendMarkRange("link").setLink({ href: item.url }).run()
    }
  }

  function render(data, append) {
    if (!append) results.replaceChildren()
    for (const item of data.results) {
      const button = element("button", { type: "button", "data-url": item.url }, [
        element("span", { class: "internal-link-title", text: item.title }),
        element("span", { class: "internal-link-meta", text: `${item.kind} · ${item.url}${item.live ? "" : ` · ${gettext("not live")}`}` }),
      ])
      button.addEventListener("click", () => choose(item))
      results.append(element("li", {}, [button]))
    }
    nextPage = data.next_page
    more.hidden = !nextPage
    status.textContent = results.children.length
      ? interpolate(ngettext("%s result", "%s results", data.count), [data.count])
      : gettext("Nothing found.")
  }

  async function load(page, append) {
    const q = search.value.trim()
    if (!q) {
      results.replaceChildren()
      status.textContent = ""
      more.hidden = true
      return
    }
    controller?.abort()
    controller = new AbortController()
    const url = new URL(chooserUrl, window.location.href)
    url.searchParams.set("q", q)
    url.searchParams.set("page", page)
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
      if (!response.ok) throw new Error(response.statusText)
      render(await response.json(), append)
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = gettext("The search failed; try again.")
    }
  }

  search.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(() => load(1, false), 250)
  })
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault()
      clearTimeout(timer)
      load(1, false)
    }
  })
  more.addEventListener("click", () => load(nextPage, true))
  cancel.addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", () => {
    controller?.abort()
    dialog.remove()
  })
  dialog.showModal()
  search.focus()
}

export const InternalLink = Extension.create({
  name: "InternalLink",

  addOptions() {
    return { chooserUrl: "" }
  },

  addMenuItems({ buttons, menu }) {
    if (!this.options.chooserUrl) return
    menu.defineItem({
      name: "internalLink",
      groups: "link",
      command: (editor) => chooseLink(editor, this.options.chooserUrl),
      button: buttons.material("find_in_page", gettext("Link to a page on this site")),
    })
  },
})

export const CleanPaste = Extension.create({
  name: "CleanPaste",

  addProseMirrorPlugins() {
    return [new Plugin({ props: { transformPastedHTML: cleanPastedHTML } })]
  },
})

export const TableHeader = BaseTableHeader.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      scope: {
        default: "col",
        parseHTML: (node) => (node.getAttribute("scope") === "row" ? "row" : "col"),
        renderHTML: (attributes) => ({ scope: attributes.scope }),
      },
    }
  },
})

const tableDialog = updateAttrsDialog(
  {
    rows: { type: "number", title: gettext("Rows"), format: "number", default: "3", min: "1", max: "100" },
    cols: { type: "number", title: gettext("Columns"), format: "number", default: "3", min: "1", max: "100" },
    withHeaderRow: { type: "boolean", title: gettext("Include header row"), default: true },
  },
  { title: gettext("Table Properties"), submitText: gettext("Insert Table") },
)

export const Table = BaseTable.extend({
  addCommands() {
    return {
      ...this.parent?.(),
      insertTableWithOptions:
        () =>
        ({ editor }) => {
          tableDialog(editor, { rows: "3", cols: "3", withHeaderRow: true }).then((values) => {
            if (!values) return
            editor
              .chain()
              .focus()
              .insertTable({
                rows: Number.parseInt(values.rows, 10) || 3,
                cols: Number.parseInt(values.cols, 10) || 3,
                withHeaderRow: !!values.withHeaderRow,
              })
              .run()
          })
          return true
        },
    }
  },
})
